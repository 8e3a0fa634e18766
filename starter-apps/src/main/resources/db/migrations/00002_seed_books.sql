-- +goose Up
INSERT INTO books (id, title, author) VALUES (1, 'The Mythical Man-Month', 'Frederick P. Brooks Jr.');
INSERT INTO books (id, title, author) VALUES (2, 'A Philosophy of Software Design', 'John Ousterhout');
INSERT INTO books (id, title, author) VALUES (3, 'Designing Data-Intensive Applications', 'Martin Kleppmann');

-- +goose Down
DELETE FROM books WHERE id IN (1, 2, 3);
