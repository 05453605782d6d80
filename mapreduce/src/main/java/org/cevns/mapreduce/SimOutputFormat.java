package org.cevns.mapreduce;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.cevns.events.block.SimBlock;
import org.cevns.events.io.SimColumns;
import org.cevns.events.io.BlockColumn;

/** Detector-level events ({@link SimColumns}) of {@code cevns mapreduce simulate}, one Parquet file per shard. */
public final class SimOutputFormat extends BlockParquetOutputFormat<SimBlock> {
  @Override
  protected String messageName() {
    return SimColumns.MESSAGE_NAME;
  }

  @Override
  protected List<BlockColumn<SimBlock>> columns(Configuration conf) {
    return SimColumns.of(JobKeys.dictionary(conf), JobKeys.strings(conf, JobKeys.COMPONENTS));
  }

  @Override
  protected List<BlockColumn<SimBlock>> columns(Configuration conf, double weightScale) {
    return SimColumns.of(JobKeys.dictionary(conf), JobKeys.strings(conf, JobKeys.COMPONENTS), weightScale);
  }

  @Override
  protected java.util.Map<String, String> units() {
    return SimColumns.UNITS;
  }

  @Override
  protected int rows(SimBlock block) {
    return block.size();
  }
}
