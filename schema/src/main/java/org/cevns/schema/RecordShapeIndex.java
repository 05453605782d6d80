package org.cevns.schema;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The creators of the bound record types and their parameters' YAML keys, required flags and {@link IntBounds}, as
 * {@link RecordShape}'s reflection reads them, kept in the resource {@value #RESOURCE} (one line per type, written by
 * {@code RecordShapeIndexTest} with {@code -Dcevns.write-record-shapes=true}; that test fails while the file differs
 * from what reflection reads). Reading the parameters' annotations ({@code Parameter.getAnnotation}: parsing, one
 * annotation proxy per parameter) was ~3/4 of the cost of a shape, ~0.1 CPU-s for every section type in a cold JVM
 * (docs/performance-history.md, "refrates2 (thirty-first session)"). A type is taken from the file only if its
 * creator is found with exactly the parameter types the line names; otherwise (no line, another signature: a file
 * older than the classes) {@link RecordShape} reads the type by reflection as before.
 *
 * <p>Line format, fields separated by tabs: the type's binary name, the creator ({@value #CONSTRUCTOR} or the static
 * method's name), then per parameter its raw type's name, its YAML key, {@code required} or {@code optional}, and
 * its bounds {@code MIN..MAX} or {@code -}. Lines starting with {@code #} are comments.
 */
final class RecordShapeIndex {
  /** The resource, relative to this class. */
  static final String RESOURCE = "record-shapes.txt";
  /** The creator field of a constructor. */
  static final String CONSTRUCTOR = "<init>";
  private static final int FIELDS_PER_PARAMETER = 4;

  /** One type's line: its creator, and its parameters' keys, required flags and bounds (null: none). */
  record Entry(Executable creator, List<String> keys, boolean[] required, IntBounds[] bounds) {}

  private RecordShapeIndex() {}

  /** The lines of the resource by type name (empty when it is missing or unreadable). */
  private static final class Lines {
    static final Map<String, String> BY_TYPE = read();

    private static Map<String, String> read() {
      Map<String, String> lines = new HashMap<>();
      try (InputStream in = RecordShapeIndex.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          return lines;
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        for (int start = 0, end; start < text.length(); start = end + 1) {
          end = text.indexOf('\n', start);
          end = end < 0 ? text.length() : end;
          String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
          int tab = line.indexOf('\t');
          if (tab > 0 && !line.startsWith("#")) {
            lines.put(line.substring(0, tab), line);
          }
        }
      } catch (IOException | RuntimeException e) {
        lines.clear(); // every type read by reflection
      }
      return lines;
    }
  }

  /** The entry of {@code type}, or null when the resource has no line for it or its creator is not found as named. */
  static Entry entry(Class<?> type) {
    String line = Lines.BY_TYPE.get(type.getName());
    return line == null ? null : parse(type, line);
  }

  /** {@code line} for {@code type}, or null when it does not describe a creator {@code type} has. */
  static Entry parse(Class<?> type, String line) {
    String[] f = line.split("\t", -1);
    if (f.length < 2 || (f.length - 2) % FIELDS_PER_PARAMETER != 0 || !f[0].equals(type.getName())) {
      return null;
    }
    int n = (f.length - 2) / FIELDS_PER_PARAMETER;
    String[] rawTypes = new String[n];
    List<String> keys = new ArrayList<>(n);
    boolean[] required = new boolean[n];
    IntBounds[] bounds = new IntBounds[n];
    try {
      for (int i = 0; i < n; i++) {
        int at = 2 + FIELDS_PER_PARAMETER * i;
        rawTypes[i] = f[at];
        keys.add(f[at + 1]);
        required[i] = f[at + 2].equals("required");
        if (!required[i] && !f[at + 2].equals("optional")) {
          return null;
        }
        bounds[i] = f[at + 3].equals("-") ? null : bounds(f[at + 3]);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    Executable creator = creator(type, f[1], rawTypes);
    return creator == null ? null : new Entry(creator, List.copyOf(keys), required, bounds);
  }

  /** The constructor or static method {@code name} of {@code type} with exactly these raw parameter types, or null. */
  private static Executable creator(Class<?> type, String name, String[] rawTypes) {
    if (name.equals(CONSTRUCTOR)) {
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (sameTypes(c.getParameterTypes(), rawTypes)) {
          return c;
        }
      }
      return null;
    }
    for (Method m : type.getDeclaredMethods()) {
      if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) && sameTypes(m.getParameterTypes(), rawTypes)) {
        return m;
      }
    }
    return null;
  }

  private static boolean sameTypes(Class<?>[] types, String[] names) {
    if (types.length != names.length) {
      return false;
    }
    for (int i = 0; i < types.length; i++) {
      if (!sameType(types[i].getName(), names[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the class named {@code runtime} is the one the file names {@code written}: the same name, or the same
   * class relocated by cli's shaded jar ({@code org.cevns.shaded.com.fasterxml.jackson.databind.JsonNode} for the
   * {@code com.fasterxml.jackson.databind.JsonNode} of schema's classes, from which the file is written).
   */
  static boolean sameType(String runtime, String written) {
    return runtime.equals(written) || runtime.length() > written.length() && runtime.endsWith(written)
        && runtime.charAt(runtime.length() - written.length() - 1) == '.';
  }

  /** The line of a shape read by reflection (for the resource; {@code RecordShapeIndexTest}). */
  static String line(Class<?> type, Executable creator, List<RecordShape.Property> properties) {
    StringBuilder b = new StringBuilder(type.getName()).append('\t')
        .append(creator instanceof Constructor<?> ? CONSTRUCTOR : creator.getName());
    Class<?>[] raw = creator.getParameterTypes();
    for (int i = 0; i < raw.length; i++) {
      RecordShape.Property p = properties.get(i);
      b.append('\t').append(raw[i].getName()).append('\t').append(p.name()).append('\t')
          .append(p.required() ? "required" : "optional").append('\t')
          .append(p.bounds() == null ? "-" : p.bounds().min() + ".." + p.bounds().max());
    }
    return b.toString();
  }

  private static IntBounds bounds(String text) {
    int dots = text.indexOf("..");
    if (dots < 0) {
      throw new NumberFormatException(text);
    }
    return new Bounds(Long.parseLong(text.substring(0, dots)), Long.parseLong(text.substring(dots + 2)));
  }

  /** An {@link IntBounds} read from the resource: equal to (and hashed as) the annotation with the same values. */
  private record Bounds(long min, long max) implements IntBounds {
    @Override
    public Class<? extends Annotation> annotationType() {
      return IntBounds.class;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof IntBounds b && b.min() == min && b.max() == max;
    }

    @Override
    public int hashCode() {
      // java.lang.annotation.Annotation#hashCode: the sum of (127 * name.hashCode()) ^ value.hashCode() per member
      return ((127 * "min".hashCode()) ^ Long.hashCode(min)) + ((127 * "max".hashCode()) ^ Long.hashCode(max));
    }

    @Override
    public String toString() {
      return "@" + IntBounds.class.getName() + "(min=" + min + "L, max=" + max + "L)";
    }
  }
}
