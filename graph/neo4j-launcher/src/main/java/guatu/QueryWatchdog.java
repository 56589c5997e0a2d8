package guatu;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.kernel.api.KernelTransactionHandle;
import org.neo4j.kernel.api.TerminationMark;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.api.net.NetworkConnectionTracker;
import org.neo4j.kernel.api.net.TrackedNetworkConnection;
import org.neo4j.kernel.api.query.ExecutingQuery;
import org.neo4j.kernel.impl.api.KernelTransactions;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.InternalLog;
import org.neo4j.logging.internal.LogService;

/**
 * Stops the API's read queries that Neo4j has given up on but cannot interrupt.
 *
 * <p>Neo4j ends a transaction past its timeout by marking it terminated; the query notices the
 * mark between rows. An expression that runs long inside one row never looks: a {@code reduce}
 * building a string over ten million elements, a catastrophic regular expression. Such a query
 * held a core for hours after SHOW TRANSACTIONS called it "Terminated" (issue 16). The console's
 * guard refuses the forms it knows, but cannot know them all, so this thread is the bound on
 * everything: twice a second it looks for transactions of the API (metadata {@code app:
 * guatu-api}, all reads) that are past their deadline or were marked terminated more than a grace
 * period ago and still execute a query, and stops the thread running it.
 *
 * <p>{@link Thread#stop()} is the only way the JVM offers to end a thread that never checks a
 * flag. It is unsafe in general (the thread unwinds wherever it is), which is why it is used only
 * on read transactions the API opened: they hold no write locks and change nothing, and Neo4j's
 * finally blocks close their cursors as the ThreadDeath unwinds. Writes (the loader, the import)
 * are never touched. From Java 20 on {@code Thread.stop} throws; the watchdog then says once per
 * transaction that it could not, so the log explains the busy core.
 */
final class QueryWatchdog implements Runnable {
  private static final long CHECK_EVERY_MS = 500;

  private final GraphDatabaseService database;
  private final long graceNanos;
  private final PrintStream err;
  /** Neo4j's debug.log, where an operator looks first when a core is busy. */
  private InternalLog debugLog;
  /** Transactions already reported as unstoppable, so the log says it once. */
  private final Set<Long> reported = new HashSet<>();
  /** When each transaction's thread was first stopped, so the log says so once. */
  private final Map<Long, Long> stoppedAt = new HashMap<>();

  QueryWatchdog(GraphDatabaseService database, long graceMillis, PrintStream log) {
    this.database = database;
    this.graceNanos = graceMillis * 1_000_000L;
    this.err = log;
  }

  /** Starts the watchdog on a daemon thread: it must never keep the JVM alive. */
  static void start(GraphDatabaseService database, long graceMillis, PrintStream log) {
    Thread thread =
        new Thread(new QueryWatchdog(database, graceMillis, log), "guatu-query-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    while (true) {
      try {
        Thread.sleep(CHECK_EVERY_MS);
        check();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // A database shutting down or restarting: try again on the next round.
      }
    }
  }

  private KernelTransactions transactions() {
    return ((GraphDatabaseAPI) database)
        .getDependencyResolver()
        .resolveDependency(KernelTransactions.class);
  }

  private void check() {
    long now = System.nanoTime();
    stoppedAt.values().removeIf(at -> now - at > 60_000_000_000L);
    if (reported.size() > 1_000) {
      reported.clear();
    }
    for (KernelTransactionHandle handle : transactions().activeTransactions()) {
      if (!isApiRead(handle) || handle.isCommitting()) {
        continue;
      }
      long timeout = handle.timeout().timeoutNanos();
      long deadline = timeout > 0 ? handle.startTimeNanos() + timeout : Long.MAX_VALUE;
      Optional<TerminationMark> mark = handle.terminationMark();
      if (mark.isEmpty() && now > deadline) {
        // Neo4j's own monitor marks late transactions every couple of seconds; do it now.
        handle.markForTermination(Status.Transaction.TransactionTimedOut);
        continue;
      }
      long givenUpAt = mark.map(TerminationMark::getTimestampNanos).orElse(deadline);
      if (givenUpAt == Long.MAX_VALUE || now - givenUpAt < graceNanos) {
        continue;
      }
      Optional<ExecutingQuery> query = handle.executingQuery();
      if (query.isPresent()) {
        stop(handle, query.get(), (now - handle.startTimeNanos()) / 1_000_000L);
      }
    }
  }

  private static boolean isApiRead(KernelTransactionHandle handle) {
    Map<String, Object> metadata = handle.getMetaData();
    return metadata != null && "guatu-api".equals(metadata.get("app"));
  }

  @SuppressWarnings({"removal", "deprecation"})
  private void stop(KernelTransactionHandle handle, ExecutingQuery query, long ranMillis) {
    String name = query.threadExecutingTheQueryName();
    List<Thread> running = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().equals(name)) {
        running.add(thread);
      }
    }
    long id = handle.getTransactionSequenceNumber();
    // Stopped already and still running: stop again, every round. The ThreadDeath is delivered
    // only where the thread polls for it; a JIT-compiled regex loop has been seen to need several
    // (up to six, 2 s apart, before this repeated every round).
    boolean again = stoppedAt.containsKey(id);
    if (running.size() != 1) {
      // No thread, or several of that name: stopping the wrong one could break anything.
      if (reported.add(id)) {
        say(
            "query "
                + query.id()
                + " runs past its limit, but its thread \""
                + name
                + "\" cannot be told apart ("
                + running.size()
                + " found)");
      }
      return;
    }
    try {
      // The connection first: a Bolt worker that dies leaves its client waiting minutes for an
      // answer, where a closed connection tells it at once.
      closeConnection(handle);
      stoppedAt.putIfAbsent(id, System.nanoTime());
      running.get(0).stop();
      if (again) {
        return;
      }
      say(
          "stopped query "
              + query.id()
              + " after "
              + ranMillis
              + " ms: it went on after it was terminated");
    } catch (UnsupportedOperationException e) {
      if (reported.add(id)) {
        say(
            "query "
                + query.id()
                + " runs past its limit and this Java ("
                + Runtime.version()
                + ") cannot stop it; run guatu on Java 17 to have such queries stopped");
      }
    }
  }

  private void closeConnection(KernelTransactionHandle handle) {
    Optional<String> id = handle.clientInfo().map(ClientConnectionInfo::connectionId);
    if (id.isEmpty()) {
      return;
    }
    try {
      TrackedNetworkConnection connection =
          ((GraphDatabaseAPI) database)
              .getDependencyResolver()
              .resolveDependency(NetworkConnectionTracker.class)
              .get(id.get());
      if (connection != null) {
        connection.close();
      }
    } catch (RuntimeException e) {
      // Stopping the thread still frees the core; the client then waits for its own timeout.
    }
  }

  private void say(String message) {
    err.println("guatu-launcher: " + message);
    err.flush();
    try {
      if (debugLog == null) {
        debugLog =
            ((GraphDatabaseAPI) database)
                .getDependencyResolver()
                .resolveDependency(LogService.class)
                .getInternalLog(QueryWatchdog.class);
      }
      debugLog.warn(message);
    } catch (RuntimeException e) {
      // stderr has it; the log is a convenience.
    }
  }
}
