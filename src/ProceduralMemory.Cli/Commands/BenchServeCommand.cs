using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using ProceduralMemory.AI.Http;
using ProceduralMemory.AI.Memory;
using ProceduralMemory.Cli.Commands.Tools;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tools.Procedures;
using ProceduralMemory.Tools.Procedures.Induction;
using ProceduralMemory.Tools.Tau;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// <c>procmem bench serve [--clients N] [--requests N] [--library LIB] [--json]</c>: a load test of the HTTP API. Starts
/// it on loopback (a free port) over a library (by default a throwaway one learned from tau-bench retail train tasks
/// 0-199), runs N concurrent <see cref="HttpClient"/> clients that each make a fixed number of requests, mixing recalls,
/// outcome posts and reads, and reports requests per second, latency, and lost updates: the outcomes posted minus the
/// uses the library counts afterwards (0, or the check fails with exit 1). With <c>--json</c> the last line is
/// <c>{clients, requests, requests_per_client, requests_per_second, requests_per_second_client_median,
/// latency_median_ms, latency_p95_ms, outcomes_posted, uses_counted, lost_updates, errors, procedures, seconds}</c>.
/// </summary>
internal static class BenchServeCommand
{
    // Each client cycles through these: 3 recalls, 4 outcome posts, 2 reads of one procedure, 1 listing.
    private static readonly string[] Mix = ["recall", "outcome", "get", "outcome", "recall", "outcome", "get", "outcome", "recall", "list"];

    public static Command Create(CliConsole console)
    {
        Option<int> clients = CommonOptions.BoundedInt("--clients", "Concurrent HTTP clients.", 16, minimum: 1, maximum: 1024);
        Option<int> requests = CommonOptions.BoundedInt("--requests", "Requests each client makes.", 250, minimum: 1, maximum: 1_000_000);
        Option<string?> library = CommonOptions.LibraryFile(
            "An existing SQLite procedure library to serve (its use counts grow by the outcomes posted; default: a throwaway one learned from tau-bench retail train tasks 0-199).");
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on the last line." };
        var command = new Command("serve", "Load test of the HTTP API: concurrent clients on loopback mixing recalls, outcome posts and reads; requests per second, latency, lost updates.")
        {
            clients, requests, library, json,
        };
        command.SetAction(parsed => Run(console, parsed.GetValue(clients), parsed.GetValue(requests), parsed.GetValue(library), parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, int clients, int requests, string? library, bool json)
    {
        string work = Path.Combine(Path.GetTempPath(), $"procmem-bench-serve-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            string file = library ?? Learn(console, Path.Combine(work, "retail.db"));
            if (library is not null && !File.Exists(library))
                throw new UsageException($"{library} does not exist: give a procedure library, or leave --library out for a throwaway one.");
            return Measure(console, file, clients, requests, json);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Learn(CliConsole console, string file)
    {
        TauDomain domain = TauData.Load("retail", null);
        var inducer = new ProcedureInducer(domain.CreateEnvironment());
        foreach (var demonstration in TauData.Demonstrations(TauData.Tasks(domain, "train:0-199", "--tasks")))
            inducer.Add(demonstration);
        using ISkillStore store = SkillStores.Open(file, readOnly: false);
        var keys = ProcedureLibrary.DefaultKeys();
        ProcedureLibrary.Open(store, domain.CreateEnvironment().Tools.Select(t => t.Name), keys);
        ProcedureLibrary.Add(store, keys, inducer.Procedures());
        console.Error.WriteLine($"learned {inducer.Procedures().Count} procedures from tau-bench retail train tasks 0-199");
        return file;
    }

    private static int Measure(CliConsole console, string file, int clients, int requests, bool json)
    {
        long usesBefore;
        long usesAfter;
        ClientRun[] runs;
        double seconds;
        int procedures;
        string[] tasks = [.. TauData.Tasks(TauData.Load("retail", null), "test", "--tasks").Select(t => t.Instruction)];
        using (ISkillStore store = SkillStores.OpenExisting(file, readOnly: false))
        {
            ProcedureMemory memory;
            try
            {
                memory = new ProcedureMemory(store);
            }
            catch (LibraryException e)
            {
                throw new UsageException($"{file}: {e.Message}");
            }
            int[] ids = [.. memory.List().Select(p => p.Id)];
            if (ids.Length == 0)
                throw new UsageException($"{file} has no procedures to load: learn some first (procmem procedures learn).");
            procedures = ids.Length;
            usesBefore = memory.List().Sum(p => (long)p.Uses);
            using WebApplication app = ProceduralMemoryApiHost.Create(memory, "http://127.0.0.1:0");
            app.StartAsync().GetAwaiter().GetResult();
            var address = new Uri(app.Urls.First());
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench serve: {clients} clients x {requests} requests on {address} over {procedures} procedures ({string.Join(", ", Mix.GroupBy(m => m).Select(g => $"{g.Count()}0% {g.Key}"))})"));
            // Warm up (JIT, connection pools) with a few requests of each kind, which are not counted.
            using (var warm = new HttpClient { BaseAddress = address })
                ClientLoop(warm, 0, Mix.Length, ids, tasks, outcomes: false).GetAwaiter().GetResult();
            var clock = Stopwatch.StartNew();
            runs = Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                using var http = new HttpClient { BaseAddress = address };
                return await ClientLoop(http, c, requests, ids, tasks, outcomes: true);
            }))).GetAwaiter().GetResult();
            seconds = clock.Elapsed.TotalSeconds;
            app.StopAsync().GetAwaiter().GetResult();
        }
        // Counted afresh from the file, as another process would see it.
        using (ISkillStore store = SkillStores.OpenExisting(file, readOnly: true))
            usesAfter = new ProcedureMemory(store).List().Sum(p => (long)p.Uses);

        long total = runs.Sum(r => (long)r.Latencies.Count);
        long posted = runs.Sum(r => r.OutcomesPosted);
        long counted = usesAfter - usesBefore;
        long lost = posted - counted;
        int errors = runs.Sum(r => r.Errors);
        double[] latencies = [.. runs.SelectMany(r => r.Latencies).Order()];
        double[] rates = [.. runs.Select(r => r.Latencies.Count / r.Seconds).Order()];
        double perSecond = total / seconds;
        double clientMedian = Quantile(rates, 0.5);
        double median = Quantile(latencies, 0.5);
        double p95 = Quantile(latencies, 0.95);
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{total} requests in {seconds:0.00} s: {perSecond:0} requests/s overall, {clientMedian:0} per client (median); latency median {median:0.00} ms, p95 {p95:0.00} ms; {errors} errors"));
        console.Out.WriteLine("latency median by request: " + string.Join(", ", runs.SelectMany(r => r.Kinds.Zip(r.Latencies))
            .GroupBy(k => k.First, k => k.Second).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {Quantile([.. g.Order()], 0.5):0.00} ms"))));
        console.Out.WriteLine($"outcomes posted {posted}, uses counted {counted}, lost updates {lost}");
        if (json)
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                clients,
                requests = total,
                requests_per_client = requests,
                requests_per_second = perSecond,
                requests_per_second_client_median = clientMedian,
                latency_median_ms = median,
                latency_p95_ms = p95,
                outcomes_posted = posted,
                uses_counted = counted,
                lost_updates = lost,
                errors,
                procedures,
                seconds,
            }));
        return lost == 0 && errors == 0 ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }

    private static async Task<ClientRun> ClientLoop(HttpClient http, int client, int requests, int[] ids, string[] tasks, bool outcomes)
    {
        var latencies = new List<double>(requests);
        var kinds = new List<string>(requests);
        int posted = 0;
        int errors = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < requests; i++)
        {
            // Deterministic spread: each client walks the procedures and tasks from its own offset.
            int id = ids[(client * 7 + i) % ids.Length];
            string kind = Mix[i % Mix.Length];
            if (kind == "outcome" && !outcomes)
                kind = "get";
            long start = Stopwatch.GetTimestamp();
            using HttpResponseMessage response = kind switch
            {
                "recall" => await http.PostAsJsonAsync("/procedures/recall", new { task = tasks[(client * 13 + i) % tasks.Length], k = 3 }),
                "outcome" => await http.PostAsJsonAsync($"/procedures/{id}/outcome", new { success = (client + i) % 3 != 0, notes = "bench serve" }),
                "get" => await http.GetAsync($"/procedures/{id}"),
                _ => await http.GetAsync("/procedures"),
            };
            await response.Content.ReadAsByteArrayAsync();
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            kinds.Add(kind);
            if (!response.IsSuccessStatusCode)
                errors++;
            else if (kind == "outcome")
                posted++;
        }
        return new ClientRun(latencies, kinds, clock.Elapsed.TotalSeconds, posted, errors);
    }

    private static double Quantile(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed record ClientRun(List<double> Latencies, List<string> Kinds, double Seconds, int OutcomesPosted, int Errors);
}
