package dev.migrations.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

	@Test
	void hidesPasswordParameters() {
		assertThat(Redaction.redact("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"))
			.isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
	}

	@Test
	void hidesPasswordsInUserInfo() {
		assertThat(Redaction.redact("connect to postgresql://app:s3cret@db:5432/x failed"))
			.isEqualTo("connect to postgresql://app:***@db:5432/x failed");
	}

	@Test
	void postgresUrlsNameAnotherDatabaseAndDescribeThemselvesWithoutUserOrParameters() {
		String url = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=s3cret";
		assertThat(PostgresServer.withDatabase(url, "bench_1"))
			.isEqualTo("jdbc:postgresql://127.0.0.1:5432/bench_1?user=postgres&password=s3cret");
		assertThat(PostgresServer.withDatabase("jdbc:postgresql://db/test", "b")).isEqualTo("jdbc:postgresql://db/b");
		assertThat(PostgresServer.describe(url)).isEqualTo("127.0.0.1:5432/test");
	}

}
