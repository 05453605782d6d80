package org.cevns.events.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type.Repetition;

/**
 * Record assembly into {@link ColumnTarget}s: Parquet reads the projection and calls the targets' converter
 * methods field by field; {@link Root#end()} fills nulls of OPTIONAL fields a record did not set. Records
 * themselves are not materialised ({@link #RECORD} is returned for each).
 */
final class TargetReadSupport extends ReadSupport<Object> {
  /** Returned for every record (Parquet treats a null record as "skipped"). */
  static final Object RECORD = Boolean.TRUE;

  private final MessageType projection;
  private final Root root;

  TargetReadSupport(MessageType projection, Root root) {
    this.projection = projection;
    this.root = root;
  }

  @Override
  public ReadContext init(InitContext context) {
    return new ReadContext(projection);
  }

  @Override
  @SuppressWarnings("deprecation") // abstract in Parquet, so it must be implemented
  public RecordMaterializer<Object> prepareForRead(Configuration configuration, Map<String, String> keyValueMetaData,
      MessageType fileSchema, ReadContext readContext) {
    return new RecordMaterializer<>() {
      @Override
      public Object getCurrentRecord() {
        return RECORD;
      }

      @Override
      public GroupConverter getRootConverter() {
        return root;
      }
    };
  }

  /**
   * Root converter over the targets, field {@code i} of the projection being {@code targets[i]}; shared with
   * the column-level path, where Parquet looks up each column's converter through it.
   */
  static final class Root extends GroupConverter {
    private final ColumnTarget[] targets;
    private final ColumnTarget[] optional;
    private int row;

    Root(List<ColumnTarget> targets, MessageType projection) {
      this.targets = targets.toArray(new ColumnTarget[0]);
      List<ColumnTarget> opt = new ArrayList<>();
      for (int i = 0; i < this.targets.length; i++) {
        if (projection.getType(i).isRepetition(Repetition.OPTIONAL)) {
          opt.add(this.targets[i]);
        }
      }
      this.optional = opt.toArray(new ColumnTarget[0]);
    }

    /** Continues filling at row {@code firstRow} (where the targets are positioned). */
    void reset(int firstRow) {
      row = firstRow;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return targets[fieldIndex];
    }

    @Override
    public void start() {}

    @Override
    public void end() {
      row++;
      for (ColumnTarget t : optional) {
        if (t.position() < row) {
          t.addNull();
        }
      }
    }
  }
}
