package dev.migrations.sample;

import dev.migrations.sample.support.PostgresApplicationTests;

class PostgresProxyFlowsTests extends PostgresApplicationTests implements ProxyFlows {

}
