-- Rows as the old proxy wrote them: times in SQLite's CURRENT_TIMESTAMP form, whole seconds, UTC.

INSERT INTO projects (id, name, api_key, is_active, created_at, updated_at, deactivated_at) VALUES
    ('0b6f3c1e-5d2a-4c41-9a57-3f2e8d1c0a01', 'legacy-chat', 'sk-legacy-chat', 1, '2023-11-02 08:15:00', '2023-11-02 08:15:00', NULL),
    ('0b6f3c1e-5d2a-4c41-9a57-3f2e8d1c0a02', 'legacy-batch', 'sk-legacy-batch', 0, '2023-11-03 09:00:00', '2024-01-15 17:45:30', '2024-01-15 17:45:30');

INSERT INTO tokens (id, token, project_id, expires_at, is_active, deactivated_at, request_count, max_requests, created_at, last_used_at, cache_hit_count) VALUES
    ('7d1e2f30-0a4b-4c5d-8e6f-708192a3b4c1', 'legacy-secret-one', '0b6f3c1e-5d2a-4c41-9a57-3f2e8d1c0a01', '2099-01-01 00:00:00', 1, NULL, 41, 1000, '2023-11-02 08:20:00', '2024-02-01 12:00:00', 5),
    ('7d1e2f30-0a4b-4c5d-8e6f-708192a3b4c2', 'legacy-secret-two', '0b6f3c1e-5d2a-4c41-9a57-3f2e8d1c0a01', '2024-01-01 00:00:00', 1, NULL, 3, NULL, '2023-11-05 10:00:00', NULL, 0),
    ('7d1e2f30-0a4b-4c5d-8e6f-708192a3b4c3', 'legacy-secret-three', '0b6f3c1e-5d2a-4c41-9a57-3f2e8d1c0a02', NULL, 0, '2024-01-15 17:45:30', 12, NULL, '2023-11-03 09:05:00', '2024-01-10 11:11:11', 2);

INSERT INTO audit_events (id, timestamp, action, actor, project_id, request_id, client_ip, method, path, outcome, reason, token_id) VALUES
    ('e0000000-0000-4000-8000-000000000001', '2023-11-02 08:15:00', 'project.create', 'management-api', '0b6f3c1e-5d2a-4c41-9a57-3f2e8d1c0a01', 'r-1', '10.0.0.7', 'POST', '/manage/projects', 'success', NULL, NULL),
    ('e0000000-0000-4000-8000-000000000002', '2024-01-15 17:45:30', 'project.deactivate', 'management-api', '0b6f3c1e-5d2a-4c41-9a57-3f2e8d1c0a02', 'r-2', '10.0.0.7', 'POST', '/manage/projects/0b6f3c1e-5d2a-4c41-9a57-3f2e8d1c0a02', 'success', NULL, NULL),
    ('e0000000-0000-4000-8000-000000000003', '2024-01-20 06:00:00', 'token.check', 'proxy', '0b6f3c1e-5d2a-4c41-9a57-3f2e8d1c0a01', 'r-3', '10.0.0.9', 'POST', '/v1/chat/completions', 'denied', 'expired', '7d1e2f30-0a4b-4c5d-8e6f-708192a3b4c2');
