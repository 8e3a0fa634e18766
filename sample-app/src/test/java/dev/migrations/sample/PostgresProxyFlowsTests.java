package dev.migrations.sample;

import dev.migrations.sample.support.PostgresApplicationTest;

class PostgresProxyFlowsTests extends PostgresApplicationTest implements ProxyFlows {

}
