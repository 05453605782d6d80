package org.cevns.analysis.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * JSON of the report: records are written with snake_case keys in the order of their components, and NaN and
 * infinities become null (JSON has no such numbers), in records and in trees alike.
 */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .registerModule(new SimpleModule("finite-or-null")
          .addSerializer(Double.class, new FiniteOrNull())
          .addSerializer(Double.TYPE, new FiniteOrNull())
          .addSerializer(double[].class, new FiniteArray()));

  private Json() {}

  static void put(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }

  static ArrayNode array(ObjectNode o, String key, double[] values) {
    ArrayNode a = o.putArray(key);
    for (double v : values) {
      if (Double.isFinite(v)) {
        a.add(v);
      } else {
        a.addNull();
      }
    }
    return a;
  }

  /** A double, or null when it is not finite. */
  private static final class FiniteOrNull extends StdSerializer<Double> {
    private static final long serialVersionUID = 1L;

    FiniteOrNull() {
      super(Double.class);
    }

    @Override
    public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
      if (Double.isFinite(v)) {
        g.writeNumber(v.doubleValue());
      } else {
        g.writeNull();
      }
    }
  }

  /** An array of doubles, each null when it is not finite. */
  private static final class FiniteArray extends StdSerializer<double[]> {
    private static final long serialVersionUID = 1L;

    FiniteArray() {
      super(double[].class);
    }

    @Override
    public void serialize(double[] values, JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeStartArray(values, values.length);
      for (double v : values) {
        if (Double.isFinite(v)) {
          g.writeNumber(v);
        } else {
          g.writeNull();
        }
      }
      g.writeEndArray();
    }
  }
}
