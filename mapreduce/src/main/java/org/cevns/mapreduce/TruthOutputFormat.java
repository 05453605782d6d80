package org.cevns.mapreduce;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.cevns.events.block.EventBlock;
import org.cevns.events.io.BlockColumn;
import org.cevns.events.io.TruthColumns;

/** Truth events ({@link TruthColumns}) of {@code cevns mapreduce generate}, one Parquet file per shard. */
public final class TruthOutputFormat extends BlockParquetOutputFormat<EventBlock> {
  @Override
  protected String messageName() {
    return TruthColumns.MESSAGE_NAME;
  }

  @Override
  protected List<BlockColumn<EventBlock>> columns(Configuration conf) {
    return TruthColumns.of(JobKeys.dictionary(conf));
  }

  @Override
  protected List<BlockColumn<EventBlock>> columns(Configuration conf, double weightScale) {
    return TruthColumns.of(JobKeys.dictionary(conf), weightScale);
  }

  @Override
  protected java.util.Map<String, String> units() {
    return TruthColumns.UNITS;
  }

  @Override
  protected int rows(EventBlock block) {
    return block.size();
  }
}
