package org.cevns.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.OptionalDouble;

/**
 * The strict scalar deserializers of {@link JacksonBinding} ({@link BoundScalars} reads the same for
 * {@link RecordBinder}): numbers only from YAML numbers (no quoted {@code '3'},
 * magnitudes at most {@link ConfigNode#MAX_MAGNITUDE}), integers only from integers within their {@link IntBounds},
 * booleans only from {@code true}/{@code false}, strings only from non-empty strings, enums spelled as
 * {@link ConfigNode#spelling}. A refused value is a mismatch whose message {@link JacksonErrors} turns into
 * {@code KEY: ALLOWED, got VALUE}.
 */
final class StrictScalars {
  private StrictScalars() {}

  /** Refuses a value: the translator gives the message after {@link JacksonErrors#MARK}. */
  static <T> T refuse(DeserializationContext ctxt, Class<?> type, String allowed) throws IOException {
    return ctxt.reportInputMismatch(type, JacksonErrors.MARK + allowed);
  }

  /** A finite number within ±{@link ConfigNode#MAX_MAGNITUDE}, or NaN/infinity (the record's range decides). */
  static double number(JsonParser p, DeserializationContext ctxt, Class<?> type) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      return refuse(ctxt, type, "must be a number");
    }
    double v = p.getDoubleValue();
    if (Double.isInfinite(v) && t == JsonToken.VALUE_NUMBER_INT
        || Double.isFinite(v) && Math.abs(v) > ConfigNode.MAX_MAGNITUDE) {
      return refuse(ctxt, type, "must be a number of magnitude at most 1e30");
    }
    return v;
  }

  /** Reads one scalar token of the YAML tree, or refuses it ({@link #refuse}). */
  @FunctionalInterface
  interface Reader<T> {
    T read(JsonParser p, DeserializationContext ctxt, Class<?> type) throws IOException;
  }

  /** A scalar read by a {@link Reader}: numbers, booleans and strings differ only by it. */
  static final class ScalarDeserializer<T> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient Reader<? extends T> reader;

    ScalarDeserializer(Class<T> type, Reader<? extends T> reader) {
      super(type);
      this.reader = reader;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return reader.read(p, ctxt, handledType());
    }
  }

  /** A {@link BackgroundWidth}: a number in its range or the word {@code free}. */
  static BackgroundWidth width(JsonParser p, DeserializationContext ctxt, Class<?> type) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING && BackgroundWidth.FREE.equals(p.getText())) {
      return BackgroundWidth.unconstrained();
    }
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      return refuse(ctxt, type, BackgroundWidth.ALLOWED);
    }
    double v = number(p, ctxt, type);
    if (!BackgroundWidth.RANGE.contains(v)) {
      return refuse(ctxt, type, "must be " + BackgroundWidth.RANGE.describe());
    }
    return BackgroundWidth.of(v);
  }

  /** A boolean from {@code true}/{@code false} only. */
  static Boolean bool(JsonParser p, DeserializationContext ctxt, Class<?> type) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
      return refuse(ctxt, type, "must be true or false");
    }
    return t == JsonToken.VALUE_TRUE;
  }

  /** A non-empty string. */
  static String string(JsonParser p, DeserializationContext ctxt, Class<?> type) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING || p.getText().isEmpty()) {
      return refuse(ctxt, type, "must be a non-empty string");
    }
    return p.getText();
  }

  static final class OptionalDoubleDeserializer extends StdDeserializer<OptionalDouble> {
    private static final long serialVersionUID = 1L;

    OptionalDoubleDeserializer() {
      super(OptionalDouble.class);
    }

    @Override
    public OptionalDouble deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return OptionalDouble.of(number(p, ctxt, OptionalDouble.class));
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return OptionalDouble.empty();
    }
  }

  /** Integers in the {@link IntBounds} of the property (else the type's range); no fractions, no strings. */
  static final class IntegerDeserializer<T> extends StdDeserializer<T> implements ContextualDeserializer {
    private static final long serialVersionUID = 1L;
    private final IntBounds bounds;

    IntegerDeserializer(Class<T> type, IntBounds bounds) {
      super(type);
      this.bounds = bounds;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
      IntBounds b = property == null ? null : property.getAnnotation(IntBounds.class);
      return b == null ? this : new IntegerDeserializer<>(handledType(), b);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      long[] range = BindingErrors.intRange(handledType(), bounds);
      if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          || p.getLongValue() < range[0] || p.getLongValue() > range[1]) {
        return refuse(ctxt, handledType(), "must be an integer in [" + range[0] + ", " + range[1] + "]");
      }
      long v = p.getLongValue();
      return (T) (handledType() == Long.class || handledType() == Long.TYPE ? (Object) v : (Object) (int) v);
    }
  }

  /** Enum constants spelled as {@link ConfigNode#spelling}: {@code pion-dar} for {@code PION_DAR}. */
  static final class EnumDeserializer<E extends Enum<E>> extends StdDeserializer<E> {
    private static final long serialVersionUID = 1L;
    private final Class<E> type;

    EnumDeserializer(Class<E> type) {
      super(type);
      this.type = type;
    }

    @Override
    public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        for (E e : type.getEnumConstants()) {
          if (ConfigNode.spelling(e).equals(p.getText())) {
            return e;
          }
        }
      }
      return refuse(ctxt, type, "must be one of " + ConfigNode.spellings(type));
    }
  }
}
