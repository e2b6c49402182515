using System.ClientModel;
using Microsoft.Extensions.AI;
using ProceduralMemory.AI.Chat;
using ProceduralMemory.AI.Memory;
using ProceduralMemory.Sqlite;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Procedures;
using ProceduralMemory.Tools.Procedures.Induction;
using ProceduralMemory.Tools.Tau;

namespace ProceduralMemory.Cli.Commands.Tools;

/// <summary>
/// The language-model part of <c>procmem bench tau --model</c>: the model's URI checked, a procedural memory learned
/// from the train tasks (in a scratch SQLite file, deleted after), and the model run on the test tasks without and
/// with it. A server that cannot be reached or refuses the requests is the user's input to fix: one line naming it.
/// </summary>
internal static class ModelRun
{
    /// <summary>The model <paramref name="text"/> names.</summary>
    /// <exception cref="UsageException">Not a model URI.</exception>
    public static ChatModelUri Parse(string text)
    {
        try
        {
            return ChatModelUri.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--model: {e.Message}");
        }
    }

    /// <summary>Runs <paramref name="model"/> on <paramref name="test"/>, without and with memory learned from <paramref name="train"/>.</summary>
    public static ChatToolBenchmarkResult Run(ChatModelUri model, TauDomain domain, IReadOnlyList<ToolTask> train, IReadOnlyList<ToolTask> test,
        ChatToolAgentOptions options, IProgress<string> progress)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"procmem-model-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            using var store = SqliteSkillStore.Open(Path.Combine(folder, "memory.db"));
            IToolEnvironment environment = domain.CreateEnvironment();
            // The memory starts from what the procedural agent learned: the train tasks' procedures, induced together.
            var inducer = new ProcedureInducer(environment);
            foreach (ToolTask task in train)
                inducer.Add(ProceduralMemory.Tools.Evaluation.ToolBenchmark.DemonstrationOf(task));
            var keys = ProcedureLibrary.DefaultKeys();
            ProcedureLibrary.Open(store, environment.Tools.Select(t => t.Name), keys);
            ProcedureLibrary.Add(store, keys, inducer.Procedures());
            var memory = new ProcedureMemory(store, environment.Tools);
            progress.Report($"model {model}: {memory.List().Count} procedures in memory; running {test.Count} tasks without it, then with it");
            using IChatClient client = model.CreateClient();
            try
            {
                return ChatToolBenchmark.RunAsync(client, model.ToString(), domain.CreateEnvironment, test, memory, options, progress)
                    .GetAwaiter().GetResult();
            }
            catch (Exception e) when (Cause(e) is { } cause)
            {
                throw new UsageException($"--model {model.Provider}:{model.Model}: the server at {model.Endpoint} {What(cause)}: {FirstLine(cause.Message)}");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A scratch file left in the temporary folder is no reason to fail a finished run.
            }
        }
    }

    // The client library wraps what went wrong (a retried request fails as an AggregateException of its tries, a
    // refused connection as a ClientResultException over the HttpRequestException): find the cause to name.
    private static Exception? Cause(Exception e)
    {
        var chain = new List<Exception>();
        for (Exception? x = e; x is not null; x = x is AggregateException { InnerExceptions.Count: > 0 } all ? all.InnerExceptions[0] : x.InnerException)
            chain.Add(x);
        return chain.FirstOrDefault(x => x is HttpRequestException)
            ?? chain.FirstOrDefault(x => x is ClientResultException or TimeoutException or TaskCanceledException or OllamaSharp.Models.Exceptions.OllamaException);
    }

    private static string What(Exception e) => e switch
    {
        HttpRequestException => "cannot be reached",
        TimeoutException or TaskCanceledException => "did not answer in time",
        _ => "refused the request",
    };

    private static string FirstLine(string message)
    {
        string line = message.Split('\n', 2)[0].Trim();
        return line.Length == 0 ? "no reason given" : line;
    }
}
