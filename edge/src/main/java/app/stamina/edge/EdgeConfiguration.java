package app.stamina.edge;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** What every service does at its HTTP edge; each service imports it. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class EdgeConfiguration {
}
