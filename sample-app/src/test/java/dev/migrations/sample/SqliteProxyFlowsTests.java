package dev.migrations.sample;

import dev.migrations.sample.support.SqliteApplicationTest;

class SqliteProxyFlowsTests extends SqliteApplicationTest implements ProxyFlows {

}
