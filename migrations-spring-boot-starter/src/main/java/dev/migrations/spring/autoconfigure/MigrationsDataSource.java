package dev.migrations.spring.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Qualifies a {@link javax.sql.DataSource} to migrate with instead of the application's
 * own, such as one with DDL privileges. Without one,
 * {@code migrations.url}/{@code user}/{@code password} or the application's DataSource is
 * used.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface MigrationsDataSource {

}
