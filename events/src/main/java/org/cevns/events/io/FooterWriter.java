package org.cevns.events.io;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.parquet.Version;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.ColumnOrder;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.StringType;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.TypeDefinedOrder;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.internal.hadoop.metadata.IndexReference;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Ends a Parquet file that parquet-java's {@link ParquetFileWriter} wrote up to its last row group: its column
 * indexes, offset indexes and footer, the bytes of {@link ParquetFileWriter#end} with every column chunk's encoding
 * list sorted (as {@link DeterministicFooter} leaves them), through parquet-format's Thrift structures
 * ({@link Util#writeFileMetaData}) only.
 *
 * <p>Why: {@code end} wraps the footer in a {@code ParquetMetadata}, whose class initialiser builds a (shaded)
 * Jackson {@code ObjectMapper} for its {@code toJSON}: ~370 classes and ~60 ms of CPU (~100 ms with C1's work) in
 * every process that writes a file (docs/performance-history.md, "genfixed2 (thirty-third session)"). parquet-java
 * 1.16 gives the written row groups' metadata to no one before {@code end}, so they are read from the writer's
 * private fields ({@code blocks}, {@code columnIndexes}, {@code offsetIndexes}, {@code bloomFilters},
 * {@code fileEncryptor}, {@code out}); {@link #tryEnd} returns false, having written nothing, when a field is missing
 * (another parquet-java) or the file has what this class does not write (bloom filters, encryption, geospatial
 * statistics, logical types other than strings, decimals): the caller then calls {@code end}, as before.
 * {@code FooterWriterTest} compares the bytes with {@code end}'s.
 */
final class FooterWriter {
  private static final Fields FIELDS = Fields.find();
  /**
   * Encodings by their number in parquet-format, the order {@link DeterministicFooter} gives them. A named class,
   * not {@code Comparator.comparingInt}, whose lambda the JVM spun at every run (it was not in the class-data
   * archive).
   */
  static final Comparator<Encoding> BY_VALUE = new ByValue();

  private FooterWriter() {}

  /** Whether this parquet-java has the writer's fields that {@link #tryEnd} reads. */
  static boolean available() {
    return FIELDS != null;
  }

  /**
   * Writes the indexes and footer of {@code file} (all row groups written, not ended) and closes it; or writes
   * nothing and returns false (see class doc). {@code keyValues}' iteration order is the footer's.
   */
  static boolean tryEnd(ParquetFileWriter file, MessageType schema, Map<String, String> keyValues,
      ParquetProperties props) throws IOException {
    if (FIELDS == null) {
      return false;
    }
    Written w = FIELDS.read(file);
    if (w == null || !supported(w) || !supported(schema)) {
      return false;
    }
    PositionOutputStream out = w.out;
    for (int b = 0; b < w.blocks.size(); b++) {
      List<ColumnChunkMetaData> columns = w.blocks.get(b).getColumns();
      for (int c = 0; c < columns.size(); c++) {
        ColumnChunkMetaData column = columns.get(c);
        org.apache.parquet.format.ColumnIndex index =
            ParquetMetadataConverter.toParquetColumnIndex(column.getPrimitiveType(), w.columnIndexes.get(b).get(c));
        if (index != null) {
          long offset = out.getPos();
          Util.writeColumnIndex(index, out);
          column.setColumnIndexReference(new IndexReference(offset, length(out.getPos() - offset)));
        }
      }
    }
    for (int b = 0; b < w.blocks.size(); b++) {
      List<ColumnChunkMetaData> columns = w.blocks.get(b).getColumns();
      for (int c = 0; c < columns.size(); c++) {
        OffsetIndex index = w.offsetIndexes.get(b).get(c);
        if (index != null) {
          long offset = out.getPos();
          Util.writeOffsetIndex(ParquetMetadataConverter.toParquetOffsetIndex(index), out);
          columns.get(c).setOffsetIndexReference(new IndexReference(offset, length(out.getPos() - offset)));
        }
      }
    }
    long footerStart = out.getPos();
    Util.writeFileMetaData(fileMetaData(w.blocks, schema, keyValues, props), out);
    BytesUtils.writeIntLittleEndian(out, length(out.getPos() - footerStart));
    out.write(ParquetFileWriter.MAGIC);
    file.close();
    return true;
  }

  private static int length(long bytes) {
    if ((int) bytes != bytes) {
      throw new IllegalStateException("a Parquet index or footer of " + bytes + " bytes (at most 2^31 - 1)");
    }
    return (int) bytes;
  }

  /** What {@code ParquetMetadataConverter.toParquetMetadata} makes of the written row groups, encodings sorted. */
  static FileMetaData fileMetaData(List<BlockMetaData> blocks, MessageType schema, Map<String, String> keyValues,
      ParquetProperties props) {
    ParquetMetadataConverter converter = new ParquetMetadataConverter(props.getStatisticsTruncateLength());
    List<RowGroup> rowGroups = new ArrayList<>(blocks.size());
    long rows = 0;
    for (BlockMetaData block : blocks) {
      rows += block.getRowCount();
      rowGroups.add(rowGroup(converter, block, rowGroups.size(), props.getStatisticsTruncateLength()));
    }
    FileMetaData meta = new FileMetaData(ParquetFileWriter.CURRENT_VERSION, schema(schema), rows, rowGroups);
    for (Map.Entry<String, String> e : keyValues.entrySet()) {
      KeyValue kv = new KeyValue(e.getKey());
      kv.setValue(e.getValue());
      meta.addToKey_value_metadata(kv);
    }
    meta.setCreated_by(Version.FULL_VERSION);
    List<ColumnOrder> orders = new ArrayList<>();
    for (int i = 0; i < schema.getPaths().size(); i++) {
      ColumnOrder order = new ColumnOrder();
      order.setTYPE_ORDER(new TypeDefinedOrder());
      orders.add(order);
    }
    meta.setColumn_orders(orders);
    return meta;
  }

  private static RowGroup rowGroup(ParquetMetadataConverter converter, BlockMetaData block, int ordinal,
      int truncateLength) {
    List<ColumnChunk> chunks = new ArrayList<>(block.getColumns().size());
    for (ColumnChunkMetaData c : block.getColumns()) {
      List<Encoding> encodings = new ArrayList<>(c.getEncodings().size());
      for (org.apache.parquet.column.Encoding e : c.getEncodings()) {
        encodings.add(converter.getEncoding(e));
      }
      encodings.sort(BY_VALUE);
      ColumnMetaData m = new ColumnMetaData(Type.valueOf(formatTypeName(c.getType())), encodings,
          c.getPath().toList(), CompressionCodec.valueOf(c.getCodec().toString()), c.getValueCount(),
          c.getTotalUncompressedSize(), c.getTotalSize(), c.getFirstDataPageOffset());
      if ((c.getEncodingStats() != null && c.getEncodingStats().hasDictionaryPages()) || c.hasDictionaryPage()) {
        m.setDictionary_page_offset(c.getDictionaryPageOffset());
      }
      if (c.getBloomFilterOffset() >= 0) {
        m.setBloom_filter_offset(c.getBloomFilterOffset());
      }
      if (c.getBloomFilterLength() >= 0) {
        m.setBloom_filter_length(c.getBloomFilterLength());
      }
      if (c.getStatistics() != null && !c.getStatistics().isEmpty()) {
        m.setStatistics(ParquetMetadataConverter.toParquetStatistics(c.getStatistics(), truncateLength));
      }
      if (c.getEncodingStats() != null) {
        m.setEncoding_stats(converter.convertEncodingStats(c.getEncodingStats()));
      }
      if (c.getSizeStatistics() != null && c.getSizeStatistics().isValid()) {
        m.setSize_statistics(ParquetMetadataConverter.toParquetSizeStatistics(c.getSizeStatistics()));
      }
      ColumnChunk chunk = new ColumnChunk(0);
      chunk.setMeta_data(m);
      IndexReference ci = c.getColumnIndexReference();
      if (ci != null) {
        chunk.setColumn_index_offset(ci.getOffset());
        chunk.setColumn_index_length(ci.getLength());
      }
      IndexReference oi = c.getOffsetIndexReference();
      if (oi != null) {
        chunk.setOffset_index_offset(oi.getOffset());
        chunk.setOffset_index_length(oi.getLength());
      }
      chunks.add(chunk);
    }
    RowGroup g = new RowGroup(chunks, block.getTotalByteSize(), block.getRowCount());
    g.setFile_offset(block.getStartingPos());
    g.setTotal_compressed_size(block.getCompressedSize());
    g.setOrdinal((short) ordinal);
    return g;
  }

  /** parquet-format's name of a physical type (BINARY is BYTE_ARRAY there). */
  private static String formatTypeName(PrimitiveType.PrimitiveTypeName type) {
    return type == PrimitiveType.PrimitiveTypeName.BINARY ? "BYTE_ARRAY" : type.name();
  }

  /** The schema's elements as {@code ParquetMetadataConverter.toParquetSchema} makes them (flat, see supported). */
  private static List<SchemaElement> schema(MessageType schema) {
    List<SchemaElement> elements = new ArrayList<>(schema.getFieldCount() + 1);
    SchemaElement root = new SchemaElement(schema.getName());
    root.setNum_children(schema.getFieldCount());
    elements.add(root);
    for (org.apache.parquet.schema.Type field : schema.getFields()) {
      PrimitiveType p = field.asPrimitiveType();
      SchemaElement e = new SchemaElement(p.getName());
      e.setRepetition_type(FieldRepetitionType.valueOf(p.getRepetition().name()));
      e.setType(Type.valueOf(formatTypeName(p.getPrimitiveTypeName())));
      if (p.getLogicalTypeAnnotation() != null) {
        e.setConverted_type(ConvertedType.UTF8);
        e.setLogicalType(LogicalType.STRING(new StringType()));
      }
      if (p.getTypeLength() > 0) {
        e.setType_length(p.getTypeLength());
      }
      elements.add(e);
    }
    return elements;
  }

  /** A flat schema of primitive columns, without field ids, with no logical type but strings. */
  static boolean supported(MessageType schema) {
    if (schema.getId() != null) {
      return false;
    }
    for (org.apache.parquet.schema.Type field : schema.getFields()) {
      if (!field.isPrimitive() || field.getId() != null) {
        return false;
      }
      PrimitiveType p = field.asPrimitiveType();
      LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
      if ((logical != null && !logical.equals(LogicalTypeAnnotation.stringType()))
          || p.getDecimalMetadata() != null) {
        return false;
      }
    }
    return true;
  }

  private static boolean supported(Written w) {
    if (w.encrypted || w.blocks.size() != w.columnIndexes.size() || w.blocks.size() != w.offsetIndexes.size()) {
      return false;
    }
    for (Map<?, ?> filters : w.bloomFilters) {
      if (!filters.isEmpty()) {
        return false;
      }
    }
    for (BlockMetaData block : w.blocks) {
      for (ColumnChunkMetaData c : block.getColumns()) {
        if (c.getGeospatialStatistics() != null && c.getGeospatialStatistics().isValid()) {
          return false;
        }
      }
    }
    return true;
  }

  /** See {@link #BY_VALUE}. */
  private static final class ByValue implements Comparator<Encoding> {
    @Override
    public int compare(Encoding a, Encoding b) {
      return Integer.compare(a.getValue(), b.getValue());
    }
  }

  /** What the writer holds for {@code end}. */
  private record Written(List<BlockMetaData> blocks, List<List<ColumnIndex>> columnIndexes,
      List<List<OffsetIndex>> offsetIndexes, List<Map<?, ?>> bloomFilters, boolean encrypted,
      PositionOutputStream out) {}

  /** {@link ParquetFileWriter}'s private fields that {@code end} reads. */
  private record Fields(Field blocks, Field columnIndexes, Field offsetIndexes, Field bloomFilters,
      Field fileEncryptor, Field out) {
    /** The fields, or null when this parquet-java has not all of them with the expected types. */
    static Fields find() {
      try {
        return new Fields(field("blocks", List.class), field("columnIndexes", List.class),
            field("offsetIndexes", List.class), field("bloomFilters", List.class), field("fileEncryptor", Object.class),
            field("out", PositionOutputStream.class));
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }

    private static Field field(String name, Class<?> type) throws NoSuchFieldException {
      Field f = ParquetFileWriter.class.getDeclaredField(name);
      if (!type.isAssignableFrom(f.getType())) {
        throw new NoSuchFieldException(name + " is a " + f.getType().getName());
      }
      f.setAccessible(true);
      return f;
    }

    @SuppressWarnings("unchecked")
    Written read(ParquetFileWriter file) {
      try {
        return new Written((List<BlockMetaData>) blocks.get(file), (List<List<ColumnIndex>>) columnIndexes.get(file),
            (List<List<OffsetIndex>>) offsetIndexes.get(file), (List<Map<?, ?>>) bloomFilters.get(file),
            fileEncryptor.get(file) != null, (PositionOutputStream) out.get(file));
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
  }
}
