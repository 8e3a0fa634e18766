package dev.migrations.apps.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.migrations.apps.OnSqlite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JdbcTemplate application on a fresh SQLite file with no {@code migrations.*}
 * setting: its {@code @PostConstruct} query runs while the context starts, so the
 * migrations run right before it.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class CatalogSqliteApplicationTests extends OnSqlite {

	@Test
	void aPostConstructQueryFindsTheMigratedTable(@Autowired BookCount count) {
		assertThat(count.count()).isEqualTo(3);
	}

	@Test
	void aSmartInitializingSingletonQueryFindsTheMigratedTable(@Autowired TitleIndex index) {
		assertThat(index.titles()).hasSize(3).startsWith("The Mythical Man-Month");
	}

	@Test
	void theLogSaysWhichBeanMadeTheMigrationsRunWhileTheContextStarted(CapturedOutput output) {
		assertThat(output).contains("Startup migrations run while the context starts (migrations.run-as=auto): bean"
				+ " 'bookCount' used DataSource 'dataSource' before they had run");
	}

}
