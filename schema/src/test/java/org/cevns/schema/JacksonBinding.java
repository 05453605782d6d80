package org.cevns.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.util.OptionalDouble;

/**
 * The Jackson binding that {@link ConfigBinding} used up to the twenty-ninth session (an {@code ObjectMapper} with
 * {@link StrictScalars}, {@link ChosenDeserializer}; failures translated by
 * {@link JacksonErrors}), kept in schema's test classes as the reference {@link RecordBinder} is compared with
 * ({@code -Dcevns.binding=compare}, {@link BindingComparison}: both bind every section and must agree on the value
 * or the message; the tests of cli run so, with schema's test jar on their class path).
 */
final class JacksonBinding {
  /** The mapper (also RecordShapeTest's view of the records). */
  static final ObjectMapper MAPPER = mapper();

  private JacksonBinding() {}

  /** Binds {@code node} at {@code path} onto {@code type} with Jackson (the node already checked by the caller). */
  static <T> T bind(JsonNode node, String path, Class<T> type) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw ConfigException.rooted(path, "must be " + JacksonErrors.kind(MAPPER.constructType(type), null),
          ConfigException.render(node));
    }
    RecordBinder.precheck(type, node, path, null);
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw JacksonErrors.translate(e, node, path);
    }
  }

  static JavaType typeOf(java.lang.reflect.Type type) {
    return MAPPER.constructType(type);
  }

  private static ObjectMapper mapper() {
    SimpleModule strict = new SimpleModule("cevns-strict-scalars");
    strict.setDeserializers(new SimpleDeserializers() {
      private static final long serialVersionUID = 1L;

      @Override
      public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
          BeanDescription beanDesc) throws JsonMappingException {
        return ChosenRecords.isChosen(type.getRawClass()) ? new ChosenDeserializer(type.getRawClass())
            : super.findBeanDeserializer(type, config, beanDesc);
      }
    });
    strict.addDeserializer(Double.class, new StrictScalars.ScalarDeserializer<>(Double.class, StrictScalars::number));
    strict.addDeserializer(Double.TYPE, new StrictScalars.ScalarDeserializer<>(Double.TYPE, StrictScalars::number));
    strict.addDeserializer(OptionalDouble.class, new StrictScalars.OptionalDoubleDeserializer());
    strict.addDeserializer(Integer.class, new StrictScalars.IntegerDeserializer<>(Integer.class, null));
    strict.addDeserializer(Integer.TYPE, new StrictScalars.IntegerDeserializer<>(Integer.TYPE, null));
    strict.addDeserializer(Long.class, new StrictScalars.IntegerDeserializer<>(Long.class, null));
    strict.addDeserializer(Long.TYPE, new StrictScalars.IntegerDeserializer<>(Long.TYPE, null));
    strict.addDeserializer(Boolean.class, new StrictScalars.ScalarDeserializer<>(Boolean.class, StrictScalars::bool));
    strict.addDeserializer(Boolean.TYPE, new StrictScalars.ScalarDeserializer<>(Boolean.TYPE, StrictScalars::bool));
    strict.addDeserializer(String.class, new StrictScalars.ScalarDeserializer<>(String.class, StrictScalars::string));
    strict.addDeserializer(BackgroundWidth.class,
        new StrictScalars.ScalarDeserializer<>(BackgroundWidth.class, StrictScalars::width));
    strict.setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
          BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
        return enumDeserializer(type.getRawClass());
      }
    });
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(strict)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static JsonDeserializer<?> enumDeserializer(Class<?> type) {
    return new StrictScalars.EnumDeserializer(type);
  }
}
