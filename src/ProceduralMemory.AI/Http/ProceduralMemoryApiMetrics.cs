using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace ProceduralMemory.AI.Http;

/// <summary>
/// The counters of the HTTP API, written in the Prometheus text format by <c>GET /metrics</c>: requests by method,
/// endpoint and status, and the recalls, recorded trajectories and reported outcomes that succeeded.
/// </summary>
public sealed class ProceduralMemoryApiMetrics
{
    private readonly ConcurrentDictionary<(string Method, string Endpoint, int Status), long> requests = new();
    private long recalls;
    private long trajectories;
    private long outcomes;

    /// <summary>Recalls answered.</summary>
    public long Recalls => Interlocked.Read(ref recalls);

    /// <summary>Trajectories recorded.</summary>
    public long Trajectories => Interlocked.Read(ref trajectories);

    /// <summary>Outcomes reported.</summary>
    public long Outcomes => Interlocked.Read(ref outcomes);

    /// <summary>The number of requests to <paramref name="method"/> <paramref name="endpoint"/> (a route pattern) answered with <paramref name="status"/>.</summary>
    public long Requests(string method, string endpoint, int status) => requests.GetValueOrDefault((method, endpoint, status));

    internal void CountRequest(string method, string endpoint, int status) =>
        requests.AddOrUpdate((method, endpoint, status), 1, (_, n) => n + 1);

    internal void CountRecall() => Interlocked.Increment(ref recalls);

    internal void CountTrajectory() => Interlocked.Increment(ref trajectories);

    internal void CountOutcome() => Interlocked.Increment(ref outcomes);

    /// <summary>The counters in the Prometheus text exposition format (version 0.0.4).</summary>
    public string ToPrometheusText()
    {
        var text = new StringBuilder();
        text.Append("# HELP procmem_http_requests_total HTTP requests by method, endpoint (route pattern) and status.\n");
        text.Append("# TYPE procmem_http_requests_total counter\n");
        foreach (var ((method, endpoint, status), count) in requests.OrderBy(r => r.Key.Endpoint, StringComparer.Ordinal)
                     .ThenBy(r => r.Key.Method, StringComparer.Ordinal).ThenBy(r => r.Key.Status))
            text.Append(CultureInfo.InvariantCulture,
                $"procmem_http_requests_total{{method=\"{Escape(method)}\",endpoint=\"{Escape(endpoint)}\",status=\"{status}\"}} {count}\n");
        Counter(text, "procmem_recalls_total", "Recalls answered.", Recalls);
        Counter(text, "procmem_trajectories_recorded_total", "Trajectories recorded.", Trajectories);
        Counter(text, "procmem_outcomes_reported_total", "Procedure outcomes reported.", Outcomes);
        return text.ToString();
    }

    private static void Counter(StringBuilder text, string name, string help, long value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}\n");

    private static string Escape(string label) => label.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
