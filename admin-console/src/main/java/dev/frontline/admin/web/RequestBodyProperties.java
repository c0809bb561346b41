package dev.frontline.admin.web;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What the console reads of a request body.
 *
 * @param maxSize the largest request body the console reads, in bytes unless a unit is
 * given ({@code 512KB}, {@code 2MB}); larger ones are refused with 413. Default 2 MB: a
 * route rule is a few kilobytes, and a gateway heartbeat with the most stats entries it
 * may carry is under one megabyte.
 */
@Validated
@ConfigurationProperties("frontline.admin.request-body")
public record RequestBodyProperties(@NotNull @DefaultValue("2MB") DataSize maxSize) {

}
