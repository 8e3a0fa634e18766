package dev.migrations.sample;

import dev.migrations.sample.support.MariaDbApplicationTests;

class MariaDbProxyFlowsTests extends MariaDbApplicationTests implements ProxyFlows {

}
