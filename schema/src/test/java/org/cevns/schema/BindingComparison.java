package org.cevns.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code -Dcevns.binding=compare} ({@link ConfigBinding#MODE}): binds each section with {@link RecordBinder} and with
 * {@link JacksonBinding}, the binder it replaced, and fails with an {@link IllegalStateException} (exit 1 of
 * {@code cevns}, no one-line error) unless both give equal records (component by component, arrays by content) or
 * the same {@link ConfigException} message; {@code -Dcevns.binding=jackson} binds with {@link JacksonBinding} alone.
 * The tests of cli run with {@code compare} (schema's test jar on their class path, where {@link ConfigBinding}
 * finds this class by name), so every configuration they load, the mutations of {@code ConfigWalkFuzzTest}
 * included, checks the two binders against each other.
 */
final class BindingComparison implements ConfigBinding.Reference {
  private final boolean jacksonOnly;

  /** For {@link ConfigBinding}: {@code mode} is {@link ConfigBinding#MODE}. */
  BindingComparison(String mode) {
    this.jacksonOnly = "jackson".equals(mode);
  }

  @Override
  public <T> T bind(JsonNode node, String path, Class<T> type) {
    if (jacksonOnly) {
      return JacksonBinding.bind(node, path, type);
    }
    T records = null;
    RuntimeException recordsError = null;
    try {
      records = ConfigBinding.bindRecords(node, path, type);
    } catch (RuntimeException e) {
      recordsError = e;
    }
    T jackson = null;
    RuntimeException jacksonError = null;
    try {
      jackson = JacksonBinding.bind(node, path, type);
    } catch (RuntimeException e) {
      jacksonError = e;
    }
    String a = outcome(records, recordsError);
    String b = outcome(jackson, jacksonError);
    if (!a.equals(b) || !same(records, jackson)) {
      throw new IllegalStateException("the binders differ at '" + path + "' (" + type.getSimpleName() + "): records "
          + a + " | jackson " + b);
    }
    if (recordsError != null) {
      throw recordsError;
    }
    return records;
  }

  private static String outcome(Object value, RuntimeException e) {
    return e == null ? "bound" : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** Equal values: records component by component, arrays by content, containers element by element. */
  static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.getClass() != b.getClass() && !(a instanceof Collection && b instanceof Collection)
        && !(a instanceof Map && b instanceof Map)) {
      return false;
    }
    if (a.getClass().isRecord()) {
      for (RecordComponent c : a.getClass().getRecordComponents()) {
        try {
          c.getAccessor().setAccessible(true);
          if (!same(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
            return false;
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return true;
    }
    if (a instanceof Optional<?> oa) {
      return same(oa.orElse(null), ((Optional<?>) b).orElse(null));
    }
    if (a instanceof Collection<?> ca) {
      Collection<?> cb = (Collection<?>) b;
      if (ca.size() != cb.size()) {
        return false;
      }
      Iterator<?> ib = cb.iterator();
      for (Object x : ca) {
        if (!same(x, ib.next())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> ma) {
      Map<?, ?> mb = (Map<?, ?>) b;
      return ma.keySet().equals(mb.keySet()) && ma.keySet().stream().allMatch(k -> same(ma.get(k), mb.get(k)))
          && Arrays.equals(ma.keySet().toArray(), mb.keySet().toArray());
    }
    return Objects.deepEquals(a, b);
  }
}
