package org.cevns.events.io;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/** Keeps the one value a column's {@code write} adds ({@link ColumnValues}). Not thread-safe. */
final class Capture extends RecordConsumer {
  int count;
  long longValue;
  int intValue;
  double doubleValue;
  boolean booleanValue;
  Binary binaryValue;

  @Override
  public void addLong(long value) {
    longValue = value;
    count++;
  }

  @Override
  public void addInteger(int value) {
    intValue = value;
    count++;
  }

  @Override
  public void addDouble(double value) {
    doubleValue = value;
    count++;
  }

  @Override
  public void addBoolean(boolean value) {
    booleanValue = value;
    count++;
  }

  @Override
  public void addBinary(Binary value) {
    binaryValue = value;
    count++;
  }

  @Override
  public void addFloat(float value) {
    throw new IllegalStateException("float values are not column-encoded");
  }

  @Override
  public void startMessage() {
    throw new IllegalStateException("a column writes one value, not a message");
  }

  @Override
  public void endMessage() {
    throw new IllegalStateException("a column writes one value, not a message");
  }

  @Override
  public void startField(String field, int index) {
    throw new IllegalStateException("a column writes one value, not a field");
  }

  @Override
  public void endField(String field, int index) {
    throw new IllegalStateException("a column writes one value, not a field");
  }

  @Override
  public void startGroup() {
    throw new IllegalStateException("a column writes one value, not a group");
  }

  @Override
  public void endGroup() {
    throw new IllegalStateException("a column writes one value, not a group");
  }
}
