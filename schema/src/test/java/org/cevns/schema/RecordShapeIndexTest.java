package org.cevns.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordShapeIndex}'s resource is what reflection reads of every record type the sections reach (rewrite it
 * with {@code mvn -o -q -pl schema test -Dtest=RecordShapeIndexTest -Dcevns.write-record-shapes=true}), and a shape
 * from it equals the shape read by reflection alone; a line that does not match the class is not used.
 */
class RecordShapeIndexTest {
  private static final Path FILE = Path.of("src/main/resources/org/cevns/schema", RecordShapeIndex.RESOURCE);

  /** Every record type the sections reach, by name. */
  private static List<Class<?>> records() {
    Set<Class<?>> seen = new LinkedHashSet<>();
    for (Class<?> c : ConfigBinding.SECTIONS) {
      RecordBinder.prepare(c, seen, 0);
    }
    List<Class<?>> out = new ArrayList<>(seen);
    out.sort(Comparator.comparing(Class::getName));
    return out;
  }

  /** The resource's text as reflection reads the types now. */
  private static String expectedText() {
    StringBuilder b = new StringBuilder("# Written by RecordShapeIndexTest (-Dcevns.write-record-shapes=true) from the")
        .append(" reflection of RecordShape; see RecordShapeIndex.\n");
    for (Class<?> c : records()) {
      RecordShape reflected = new RecordShape(c, null);
      b.append(RecordShapeIndex.line(c, reflected.creator(), reflected.properties())).append('\n');
    }
    return b.toString();
  }

  @Test
  void resourceIsWhatReflectionReads() throws IOException {
    String expected = expectedText();
    if (Boolean.getBoolean("cevns.write-record-shapes")) {
      Files.writeString(FILE, expected, StandardCharsets.UTF_8);
    }
    String actual;
    try (InputStream in = RecordShapeIndex.class.getResourceAsStream(RecordShapeIndex.RESOURCE)) {
      assertNotNull(in, RecordShapeIndex.RESOURCE + " is on the class path");
      actual = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
    assertEquals(expected, actual, "rewrite " + FILE + " with -Dcevns.write-record-shapes=true");
    assertEquals(expected, Files.readString(FILE, StandardCharsets.UTF_8).replace("\r\n", "\n"));
  }

  @Test
  void indexedShapesEqualReflectedOnes() {
    List<Class<?>> records = records();
    assertTrue(records.size() >= 30, "record types reached: " + records);
    int bounded = 0;
    for (Class<?> c : records) {
      RecordShapeIndex.Entry e = RecordShapeIndex.entry(c);
      assertNotNull(e, c.getName() + " has a line");
      RecordShape indexed = new RecordShape(c, e);
      RecordShape reflected = new RecordShape(c, null);
      assertEquals(reflected.creator(), indexed.creator(), c.getName());
      assertEquals(reflected.properties(), indexed.properties(), c.getName());
      assertEquals(reflected.keys(), indexed.keys(), c.getName());
      for (int i = 0; i < indexed.properties().size(); i++) {
        IntBounds a = reflected.properties().get(i).bounds();
        IntBounds b = indexed.properties().get(i).bounds();
        if (a != null) {
          bounded++;
          assertEquals(a, b);
          assertEquals(b, a);
          assertEquals(a.hashCode(), b.hashCode(), c.getName());
          assertEquals(IntBounds.class, b.annotationType());
        }
        assertEquals(i, indexed.indexOf(indexed.keys().get(i)));
      }
    }
    assertTrue(bounded > 0, "some keys have IntBounds");
  }

  @Test
  void linesThatDoNotFitTheClassAreNotUsed() {
    Class<?> c = ReactorExposure.class;
    RecordShape reflected = new RecordShape(c, null);
    String line = RecordShapeIndex.line(c, reflected.creator(), reflected.properties());
    assertNotNull(RecordShapeIndex.parse(c, line));
    assertNull(RecordShapeIndex.parse(c, line.replace("\tdouble\t", "\tfloat\t")), "another parameter type");
    assertNull(RecordShapeIndex.parse(c, line.replace("\tbind\t", "\tmake\t")), "another creator");
    assertNull(RecordShapeIndex.parse(c, line.replace("\tbind\t", "\t" + RecordShapeIndex.CONSTRUCTOR + "\t")),
        "no such constructor");
    assertNull(RecordShapeIndex.parse(c, line.replace("\toptional\t-", "\toptional\t1..x")), "bounds not numbers");
    assertNull(RecordShapeIndex.parse(c, line + "\tdouble\tx\toptional\t-"), "a parameter more");
    assertNull(RecordShapeIndex.parse(c, line.substring(0, line.lastIndexOf('\t'))), "a field less");
    assertNull(RecordShapeIndex.parse(c, line.replace("\trequired\t", "\tmaybe\t")), "not required or optional");
    assertNull(RecordShapeIndex.parse(ReactorConfig.class, line), "another type's line");
  }

  @Test
  void relocatedClassesAreTheClassesTheFileNames() {
    assertTrue(RecordShapeIndex.sameType("double", "double"));
    assertTrue(RecordShapeIndex.sameType("org.cevns.shaded.com.fasterxml.jackson.databind.JsonNode",
        "com.fasterxml.jackson.databind.JsonNode"));
    assertTrue(!RecordShapeIndex.sameType("org.cevns.shaded.xcom.fasterxml.jackson.databind.JsonNode",
        "com.fasterxml.jackson.databind.JsonNode"));
    assertTrue(!RecordShapeIndex.sameType("com.fasterxml.jackson.databind.JsonNode",
        "org.cevns.shaded.com.fasterxml.jackson.databind.JsonNode"));
    assertTrue(!RecordShapeIndex.sameType("java.lang.Double", "double"));
  }
}
