package org.cevns.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordShape}, read by plain reflection, has the properties Jackson's deserializers have (which the schema's
 * walk, {@link BindingSchema}, and the binding before {@link RecordBinder} used, and the reference binder
 * {@link JacksonBinding} still uses): the same keys in the same order, the same generic types, required flags and
 * {@link IntBounds}, for every record type the sections reach; Jackson's introspection of each record class gives
 * the same properties as its deserializer.
 */
class RecordShapeTest {
  /** A creator property as Jackson sees it: YAML key, type, required, {@link IntBounds} (or null). */
  record Property(String name, JavaType type, boolean required, IntBounds bounds) {}

  @Test
  void shapesHaveJacksonsCreatorProperties() throws Exception {
    Set<Class<?>> records = new HashSet<>();
    for (Class<?> c : ConfigBinding.SECTIONS) {
      RecordBinder.prepare(c, records, 0);
    }
    assertTrue(records.size() >= 30, "record types reached: " + records);
    int bounded = 0;
    for (Class<?> c : records) {
      JavaType type = JacksonBinding.typeOf(c);
      List<Property> expected = fromDeserializer(type);
      assertEquals(described(type), expected, c.getName());
      List<Property> actual = RecordShape.of(c).properties().stream()
          .map(p -> new Property(p.name(), JacksonBinding.typeOf(p.type()), p.required(), p.bounds()))
          .toList();
      assertEquals(expected, actual, c.getName());
      assertEquals(expected.stream().map(Property::name).toList(), RecordShape.of(c).keys());
      bounded += (int) actual.stream().filter(p -> p.bounds() != null).count();
    }
    assertTrue(bounded > 0, "some keys have IntBounds");
  }

  /** The creator properties of the mapper's deserializer of {@code type}, in creator order. */
  private static List<Property> fromDeserializer(JavaType type) throws Exception {
    DeserializationConfig config = JacksonBinding.MAPPER.getDeserializationConfig();
    DefaultDeserializationContext context =
        ((DefaultDeserializationContext) JacksonBinding.MAPPER.getDeserializationContext()).createDummyInstance(config);
    JsonDeserializer<Object> d = context.findRootValueDeserializer(type);
    BeanDeserializerBase bean = (BeanDeserializerBase) d;
    SettableBeanProperty[] creator = bean.getValueInstantiator().getFromObjectArguments(config);
    assertNotNull(creator, type.toString());
    List<Property> props = new ArrayList<>();
    for (SettableBeanProperty p : creator) {
      props.add(new Property(p.getName(), p.getType(), p.isRequired(), p.getAnnotation(IntBounds.class)));
    }
    return props;
  }

  /** The creator properties of {@code type} from Jackson's introspection of its class. */
  private static List<Property> described(JavaType type) {
    List<BeanPropertyDefinition> defs = new ArrayList<>();
    for (BeanPropertyDefinition p : JacksonBinding.MAPPER.getDeserializationConfig().introspect(type)
        .findProperties()) {
      if (p.getConstructorParameter() != null) {
        defs.add(p);
      }
    }
    defs.sort(Comparator.comparingInt(p -> p.getConstructorParameter().getIndex()));
    return defs.stream().map(p -> new Property(p.getName(), p.getPrimaryType(), p.isRequired(),
        p.getConstructorParameter().getAnnotation(IntBounds.class))).toList();
  }
}
