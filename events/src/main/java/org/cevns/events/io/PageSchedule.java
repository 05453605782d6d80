package org.cevns.events.io;

import org.apache.parquet.column.ParquetProperties;

/**
 * Where the pages of a row group end: parquet-java's {@code ColumnWriteStoreBase} size checks (version 1.16),
 * replayed over {@link ColumnChunkEncoder}s that are filled column by column. At a check, every column whose page
 * is within 10 % of the page size, has {@code pageRowCountLimit} rows or {@code pageValueCountThreshold} values
 * writes it; the next check comes halfway to the row at which the fullest page is expected to fill (between the
 * minimum and maximum check distances), and no later than the next row-count limit. The rows between two checks
 * are encoded in one go, so the pages, and hence the bytes, are those of parquet-java's record writer. Not
 * thread-safe.
 */
final class PageSchedule {
  /** parquet-java's {@code ColumnWriteStoreBase.THRESHOLD_TOLERANCE_RATIO}. */
  private static final float THRESHOLD_TOLERANCE_RATIO = 0.1f;

  private final ParquetProperties props;
  private final long thresholdTolerance;
  private long rowCount;
  private long rowCountForNextSizeCheck;

  PageSchedule(ParquetProperties props) {
    this.props = props;
    this.thresholdTolerance = (long) (props.getPageSizeThreshold() * THRESHOLD_TOLERANCE_RATIO);
    this.rowCountForNextSizeCheck = props.getMinRowCountForPageSizeCheck();
  }

  /** Rows that can be added before the next check. */
  long rowsToNextCheck() {
    return rowCountForNextSizeCheck - rowCount;
  }

  /** {@code rows} rows were added to every column; runs the check if it is due. */
  void added(long rows, ColumnChunkEncoder<?>[] columns) {
    rowCount += rows;
    if (rowCount >= rowCountForNextSizeCheck) {
      sizeCheck(columns);
    }
  }

  private void sizeCheck(ColumnChunkEncoder<?>[] columns) {
    long minRecordToWait = Long.MAX_VALUE;
    int pageRowCountLimit = props.getPageRowCountLimit();
    long rowCountForNextRowCountCheck = rowCount + pageRowCountLimit;
    for (ColumnChunkEncoder<?> writer : columns) {
      long usedMem = writer.bufferedPageBytes();
      long rows = rowCount - writer.rowsWritten();
      long remainingMem = props.getPageSizeThreshold() - usedMem;
      if (remainingMem <= thresholdTolerance || rows >= pageRowCountLimit
          || writer.pageRows() >= props.getPageValueCountThreshold()) {
        writer.writePage();
        remainingMem = props.getPageSizeThreshold();
      } else {
        rowCountForNextRowCountCheck = Math.min(rowCountForNextRowCountCheck,
            writer.rowsWritten() + pageRowCountLimit);
      }
      long rowsToFillPage = usedMem == 0 ? props.getMaxRowCountForPageSizeCheck() : rows * remainingMem / usedMem;
      if (rowsToFillPage < minRecordToWait) {
        minRecordToWait = rowsToFillPage;
      }
    }
    if (minRecordToWait == Long.MAX_VALUE) {
      minRecordToWait = props.getMinRowCountForPageSizeCheck();
    }
    if (props.estimateNextSizeCheck()) {
      rowCountForNextSizeCheck = rowCount + Math.min(Math.max(minRecordToWait / 2,
          props.getMinRowCountForPageSizeCheck()), props.getMaxRowCountForPageSizeCheck());
    } else {
      rowCountForNextSizeCheck = rowCount + props.getMinRowCountForPageSizeCheck();
    }
    if (rowCountForNextRowCountCheck < rowCountForNextSizeCheck) {
      rowCountForNextSizeCheck = rowCountForNextRowCountCheck;
    }
  }
}
