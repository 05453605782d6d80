package org.cevns.events.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * The schema, columns and footer metadata of a {@link ParquetBlockWriter}, and how one row of a block is given to
 * a Parquet {@link RecordConsumer} (nothing is allocated per row). Key-value metadata given at construction and
 * entries added later ({@link #putFinalMetadata}, merged over the former) are written to the footer, sorted by
 * key.
 */
final class BlockWriteSupport<B> {
  private final MessageType schema;
  private final BlockColumn<B>[] columns;
  private final String[] names;
  private final boolean[] optional;
  private final Map<String, String> metadata;
  private final Map<String, String> finalMetadata = new TreeMap<>();

  @SuppressWarnings({"unchecked", "rawtypes"})
  BlockWriteSupport(String messageName, List<BlockColumn<B>> columns, Map<String, String> metadata) {
    this.schema = schema(messageName, columns);
    this.columns = columns.toArray(new BlockColumn[0]);
    this.names = new String[this.columns.length];
    this.optional = new boolean[this.columns.length];
    for (int c = 0; c < this.columns.length; c++) {
      names[c] = this.columns[c].name();
      optional[c] = this.columns[c].optional();
    }
    this.metadata = new TreeMap<>(metadata); // sorted: the footer does not depend on the caller's map order
  }

  /** The Parquet message type of {@code columns}: one flat field per column, in order. */
  static MessageType schema(String messageName, List<? extends BlockColumn<?>> columns) {
    if (messageName == null || messageName.isBlank()) {
      throw new IllegalArgumentException("messageName must be non-blank, got '" + messageName + "'");
    }
    if (columns == null || columns.isEmpty()) {
      throw new IllegalArgumentException("columns must be a non-empty list, got " + columns);
    }
    List<Type> fields = new ArrayList<>();
    for (BlockColumn<?> c : columns) {
      for (Type f : fields) {
        if (f.getName().equals(c.name())) {
          throw new IllegalArgumentException("columns: duplicate column name '" + c.name() + "'");
        }
      }
      fields.add(c.parquetType());
    }
    return new MessageType(messageName, fields);
  }

  MessageType schema() {
    return schema;
  }

  /** The columns, in file order (the order of {@code schema().getColumns()}). */
  BlockColumn<B>[] columns() {
    return columns.clone();
  }

  /** Adds an entry written to the footer at close, over a construction-time entry of the same key. */
  void putFinalMetadata(String key, String value) {
    finalMetadata.put(key, value);
  }

  /** The construction-time metadata, sorted by key. */
  Map<String, String> metadata() {
    return metadata;
  }

  /** The entries added with {@link #putFinalMetadata}, sorted by key. */
  Map<String, String> finalMetadata() {
    return finalMetadata;
  }

  /** Gives row {@code row} of {@code block} to {@code rc} as one record. */
  void writeRow(RecordConsumer rc, B block, int row) {
    rc.startMessage();
    for (int c = 0; c < columns.length; c++) {
      BlockColumn<B> column = columns[c];
      if (optional[c] && column.isNull(block, row)) {
        continue;
      }
      rc.startField(names[c], c);
      column.write(block, row, rc);
      rc.endField(names[c], c);
    }
    rc.endMessage();
  }
}
