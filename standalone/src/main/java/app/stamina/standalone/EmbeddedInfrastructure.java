package app.stamina.standalone;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** The servers the embedded default runs in-process, each keeping its data under {@code stamina.data-dir}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StandaloneProperties.class)
class EmbeddedInfrastructure {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(StandaloneProperties properties) {
        return PersistentPostgres.start(properties.dataDir().resolve("postgres").toAbsolutePath(),
                properties.embedded().postgresPort());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setPoolName("stamina-embedded");
        return dataSource;
    }
}
