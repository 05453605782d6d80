package org.cevns.events.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Parquet {@link WriteSupport} writing one row of a block per record: the record is a reusable
 * {@link Cursor} (block + row), so nothing is allocated per row. Key-value metadata given at construction
 * goes to the {@code WriteContext}; entries added later are returned by {@link #finalizeWrite()}, which
 * Parquet calls when the file is closed and merges over the former.
 */
final class BlockWriteSupport<B> extends WriteSupport<BlockWriteSupport.Cursor<B>> {
  /** The record handed to Parquet: row {@code row} of {@code block}; a null block requests an abort. */
  static final class Cursor<B> {
    B block;
    int row;
  }

  /** Thrown by {@link #write} for a cursor without block, so that Parquet marks its writer aborted. */
  static final class AbortRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AbortRequested() {
      super("write aborted", null, false, false);
    }
  }

  private final MessageType schema;
  private final BlockColumn<B>[] columns;
  private final String[] names;
  private final boolean[] optional;
  private final Map<String, String> metadata;
  private final Map<String, String> finalMetadata = new TreeMap<>();
  private RecordConsumer consumer;

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

  /** Adds an entry written to the footer at close, over a construction-time entry of the same key. */
  void putFinalMetadata(String key, String value) {
    finalMetadata.put(key, value);
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(schema, metadata);
  }

  /** Required by Parquet (abstract, deprecated there); same as the {@link ParquetConfiguration} variant. */
  @Override
  @SuppressWarnings("deprecation")
  public WriteContext init(Configuration configuration) {
    return new WriteContext(schema, metadata);
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(Cursor<B> cursor) {
    B block = cursor.block;
    if (block == null) {
      throw new AbortRequested();
    }
    int row = cursor.row;
    RecordConsumer rc = consumer;
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

  @Override
  public FinalizedWriteContext finalizeWrite() {
    return new FinalizedWriteContext(new TreeMap<>(finalMetadata));
  }
}
