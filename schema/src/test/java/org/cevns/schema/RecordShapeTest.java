package org.cevns.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordShape}, read by plain reflection, has the properties Jackson's deserializers have (which the schema
 * and the binding before {@link RecordBinder} used): the same keys in the same order, the same generic types,
 * required flags and {@link IntBounds}, for every record type the sections reach; and {@link RecordBinder#prepare}
 * reaches the same record types as {@link BindingSchema#prepare}.
 */
class RecordShapeTest {
  @Test
  void shapesHaveJacksonsCreatorProperties() {
    Set<Class<?>> jackson = new HashSet<>();
    Set<Class<?>> records = new HashSet<>();
    for (Class<?> c : ConfigBinding.SECTIONS) {
      BindingSchema.prepare(JacksonBinding.typeOf(c), jackson, 0);
      RecordBinder.prepare(c, records, 0);
    }
    assertEquals(jackson, records);
    assertTrue(records.size() >= 30, "record types reached: " + records);
    for (Class<?> c : records) {
      List<BindingSchema.Property> expected = BindingSchema.properties(JacksonBinding.typeOf(c));
      List<BindingSchema.Property> actual = RecordShape.of(c).properties().stream()
          .map(p -> new BindingSchema.Property(p.name(), JacksonBinding.typeOf(p.type()), p.required(), p.bounds()))
          .toList();
      assertEquals(expected, actual, c.getName());
      assertEquals(expected.stream().map(BindingSchema.Property::name).toList(), RecordShape.of(c).keys());
    }
  }
}
