package dev.frontline.gateway.accesslog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The access log, written to the logger {@value AccessLog#LOGGER}, one JSON object per
 * line.
 *
 * @param enabled whether each answered request is logged; default {@code true}
 */
@ConfigurationProperties("frontline.gateway.access-log")
public record AccessLogProperties(@DefaultValue("true") boolean enabled) {

}
