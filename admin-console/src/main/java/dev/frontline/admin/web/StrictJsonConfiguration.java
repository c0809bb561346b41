package dev.frontline.admin.web;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads request bodies strictly, so that what the console stores is exactly what was
 * sent, and what it cannot store exactly is refused with the field named (see
 * {@link JsonReadErrors}) instead of quietly changed:
 * <ul>
 * <li>an unknown field, such as the typo {@code timout}, is refused rather than dropped,
 * which would leave the intended setting at its default;</li>
 * <li>a value of the wrong JSON type is refused rather than converted: {@code 1.5} or
 * {@code "5"} for a whole number, {@code 5} or {@code true} for text, {@code 1} for true
 * or false, {@code 0} for one of a list of names (which would pick whatever name comes
 * first, such as a public route);</li>
 * <li>a field given twice is refused rather than the last one winning;</li>
 * <li>a {@code null} in a list is refused where it stands ({@code stable.uris[0]}),
 * rather than failing the whole object that holds the list;</li>
 * <li>text must be well-formed Unicode: see {@link WellFormedTextDeserializer}.</li>
 * </ul>
 * Where a reader must stay lenient, its feature says so, as the fleet does for gateway
 * heartbeats.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

	private static final JsonSetter.Value NO_NULL_ELEMENTS = JsonSetter.Value.forContentNulls(Nulls.FAIL);

	@Bean
	JsonMapperBuilderCustomizer strictRequestBodies() {
		return (builder) -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			// Scalars to text are not covered by ALLOW_COERCION_OF_SCALARS.
			.withCoercionConfig(LogicalType.Textual,
					(text) -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withConfigOverride(List.class, (type) -> type.setNullHandling(NO_NULL_ELEMENTS))
			.withConfigOverride(Set.class, (type) -> type.setNullHandling(NO_NULL_ELEMENTS))
			.addModule(new SimpleModule("well-formed-text").addDeserializer(String.class,
					new WellFormedTextDeserializer()));
	}

}
