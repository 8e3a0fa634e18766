package dev.migrations.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresServerTests {

	@Test
	void postgresUrlsNameAnotherDatabaseAndDescribeThemselvesWithoutUserOrParameters() {
		String url = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=s3cret";
		assertThat(PostgresServer.withDatabase(url, "bench_1"))
			.isEqualTo("jdbc:postgresql://127.0.0.1:5432/bench_1?user=postgres&password=s3cret");
		assertThat(PostgresServer.withDatabase("jdbc:postgresql://db/test", "b")).isEqualTo("jdbc:postgresql://db/b");
		assertThat(PostgresServer.describe(url)).isEqualTo("127.0.0.1:5432/test");
	}

}
