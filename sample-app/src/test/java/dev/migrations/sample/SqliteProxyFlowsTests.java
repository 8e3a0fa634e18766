package dev.migrations.sample;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.migrations.sample.data.SqlValues;
import dev.migrations.sample.project.ProjectRepository;
import dev.migrations.sample.support.Api;
import dev.migrations.sample.support.ProxyFixtures;
import dev.migrations.sample.support.SqliteApplicationTest;

class SqliteProxyFlowsTests extends SqliteApplicationTest implements ProxyFlows {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SqlValues values;

	@Autowired
	ProjectRepository projects;

	@Override
	public JdbcClient jdbc() {
		return this.jdbc;
	}

	@Override
	public SqlValues values() {
		return this.values;
	}

	@Override
	public ProjectRepository projectRepository() {
		return this.projects;
	}

	@Override
	public Api api() {
		return super.api();
	}

	@Override
	public ProxyFixtures fixtures() {
		return super.fixtures();
	}

}
