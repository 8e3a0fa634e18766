package dev.migrations.sample;

import dev.migrations.sample.support.SqliteApplicationTests;

class SqliteProxyFlowsTests extends SqliteApplicationTests implements ProxyFlows {

}
