package org.cevns.events.io;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.schema.MessageType;

/** The rows of one file for {@link ColumnarFileReader}, by each {@link ColumnarFileReader.ReadPath}. */
final class FileSources {
  private FileSources() {}

  /** Rows of one file. */
  interface Source {
    /** Reads up to {@code maxRows} rows into the targets (positioned at {@code offset}); 0 at end of file. */
    int read(int offset, int maxRows) throws IOException;

    void close() throws IOException;
  }

  /**
   * Page path: per row group, one {@link PageColumnReader} per column, over the chunks {@link RowGroupChunks} reads
   * (parquet-format's Thrift page-header reader through {@link PageHeaderDecoder}; each page's CRC-32 checked).
   */
  static final class Pages implements Source {
    private final RowGroupChunks rowGroups;
    private final ZstdReadCodecs codecs;
    private final List<ColumnDescriptor> descriptors;
    private final PageColumnReader[] columns;
    private boolean inRowGroup;
    private long rowsLeft;

    private final List<ColumnTarget> targets;

    Pages(InputFile input, ParquetMetadata footer, MessageType projection, List<ColumnTarget> targets,
        Configuration conf) throws IOException {
      this.targets = targets;
      this.codecs = ZstdReadCodecs.pooled(conf);
      this.descriptors = projection.getColumns();
      this.rowGroups = new RowGroupChunks(input, footer, descriptors, codecs, true);
      this.columns = new PageColumnReader[descriptors.size()];
    }

    @Override
    public int read(int offset, int maxRows) throws IOException {
      while (rowsLeft == 0) {
        closeRowGroup();
        PageReader[] pages = rowGroups.next();
        if (pages == null) {
          return 0;
        }
        inRowGroup = true;
        for (int c = 0; c < columns.length; c++) {
          columns[c] = new PageColumnReader(descriptors.get(c), pages[c], targets.get(c), codecs);
        }
        rowsLeft = rowGroups.rowCount();
      }
      int n = (int) Math.min(maxRows, rowsLeft);
      for (int c = 0; c < columns.length; c++) {
        targets.get(c).seek(offset);
        columns[c].read(n);
      }
      rowsLeft -= n;
      return n;
    }

    private void closeRowGroup() {
      if (inRowGroup) {
        for (int c = 0; c < columns.length; c++) {
          if (columns[c] != null) {
            columns[c].releasePage();
            columns[c] = null;
          }
        }
        rowGroups.release();
        inRowGroup = false;
      }
    }

    @Override
    public void close() throws IOException {
      closeRowGroup();
      rowGroups.close();
      codecs.release();
    }
  }

  /** Column-level path: per row group, one {@link ColumnReader} per column, each drained in a tight loop. */
  static final class Columns implements Source {
    private final ParquetFileReader reader;
    private final MessageType projection;
    private final TargetReadSupport.Root root;
    private final List<ColumnDescriptor> descriptors;
    private final ColumnReader[] columns;
    private final int[] maxDefinition;
    private final String createdBy;
    private PageReadStore rowGroup;
    private long rowsLeft;

    private final List<ColumnTarget> targets;

    Columns(InputFile input, ParquetMetadata footer, MessageType projection, TargetReadSupport.Root root,
        List<ColumnTarget> targets, Configuration conf) throws IOException {
      this.targets = targets;
      this.reader = ParquetFileReader.open(input, footer,
          readOptions(conf), input.newStream());
      this.reader.setRequestedSchema(projection);
      this.projection = projection;
      this.root = root;
      this.descriptors = projection.getColumns();
      this.columns = new ColumnReader[descriptors.size()];
      this.maxDefinition = new int[descriptors.size()];
      for (int c = 0; c < maxDefinition.length; c++) {
        maxDefinition[c] = descriptors.get(c).getMaxDefinitionLevel();
      }
      this.createdBy = footer.getFileMetaData().getCreatedBy();
    }

    @Override
    public int read(int offset, int maxRows) throws IOException {
      while (rowsLeft == 0) {
        closeRowGroup();
        rowGroup = reader.readNextRowGroup();
        if (rowGroup == null) {
          return 0;
        }
        rowsLeft = rowGroup.getRowCount();
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(rowGroup, root, projection, createdBy);
        for (int c = 0; c < columns.length; c++) {
          columns[c] = store.getColumnReader(descriptors.get(c));
        }
      }
      int n = (int) Math.min(maxRows, rowsLeft);
      for (int c = 0; c < columns.length; c++) {
        ColumnTarget t = targets.get(c);
        t.seek(offset);
        t.read(columns[c], n, maxDefinition[c]);
      }
      rowsLeft -= n;
      return n;
    }

    private void closeRowGroup() {
      if (rowGroup != null) {
        rowGroup.close();
        rowGroup = null;
      }
    }

    @Override
    public void close() throws IOException {
      closeRowGroup();
      reader.close();
    }
  }

  /** Record-assembly path through {@link TargetReadSupport}. */
  static final class Records implements Source {
    private final ParquetReader<Object> reader;
    private final TargetReadSupport.Root root;

    private final List<ColumnTarget> targets;

    Records(InputFile input, MessageType projection, TargetReadSupport.Root root, List<ColumnTarget> targets,
        Configuration conf) throws IOException {
      this.targets = targets;
      this.root = root;
      this.reader = new Builder(input, new TargetReadSupport(projection, root)).withConf(conf).build();
    }

    @Override
    public int read(int offset, int maxRows) throws IOException {
      for (ColumnTarget t : targets) {
        t.seek(offset);
      }
      root.reset(offset);
      int n = 0;
      while (n < maxRows && reader.read() != null) {
        n++;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  /** {@link ParquetReader.Builder} of the target read support, on an {@link InputFile}. */
  private static final class Builder extends ParquetReader.Builder<Object> {
    private final TargetReadSupport support;

    Builder(InputFile file, TargetReadSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected ReadSupport<Object> getReadSupport() {
      return support;
    }
  }

  /**
   * Read options of every page reader: ZSTD through {@link ZstdReadCodecs}, and each page's CRC-32 (which our writers
   * and parquet-java write by default) checked, so that a damaged page is an error naming the file, not values read
   * silently (InputSafetyTest found a damaged truth file that {@code detsim} read with exit 0: the noise did not
   * break a ZSTD frame). Pages without a CRC (other writers) are read unchecked. Cost: java.util.zip.CRC32 runs at
   * 16.6 GB/s on one core of the 2-core machine (2026-12-03, 1 MiB buffers); the analysis read of ~8 compressed bytes
   * per row at 5e7 rows/s is 0.4 GB/s, so about 2.5 % of the read time.
   */
  static org.apache.parquet.ParquetReadOptions readOptions(Configuration conf) {
    return readOptions(conf, ZstdReadCodecs.of(conf));
  }

  /** {@link #readOptions(Configuration)} with the given codecs. */
  static org.apache.parquet.ParquetReadOptions readOptions(Configuration conf, ZstdReadCodecs codecs) {
    return HadoopReadOptions.builder(conf).withCodecFactory(codecs).usePageChecksumVerification(true).build();
  }
}
