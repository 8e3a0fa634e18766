package dev.migrations.spring.boot.app;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * An application runner of the application's own, at the default order, that records the
 * tables it finds: the startup migrations, the first runner, must have created them
 * already.
 */
@Component
public class TablesSeenByRunners implements ApplicationRunner {

	private final DataSource dataSource;

	private volatile List<String> tables;

	public TablesSeenByRunners(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void run(ApplicationArguments args) throws SQLException {
		List<String> found = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection();
				ResultSet rows = connection.getMetaData()
					.getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
			while (rows.next()) {
				found.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
			}
		}
		this.tables = List.copyOf(found);
	}

	/** The tables the runner found, or {@code null} before it ran. */
	public List<String> tables() {
		return this.tables;
	}

}
