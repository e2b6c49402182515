using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ProceduralMemory.AI.Memory;

namespace ProceduralMemory.AI.Http;

/// <summary>
/// The HTTP API over a <see cref="ProcedureMemory"/>, to map into any ASP.NET Core app:
/// <c>GET /health</c>, <c>GET /metrics</c>, <c>GET /procedures</c>, <c>GET /procedures/{id}</c>,
/// <c>POST /procedures/recall</c>, <c>POST /trajectories</c>, <c>POST /procedures/{id}/outcome</c>. JSON in and out
/// (<see cref="ProcedureJson.Options"/>); a bad request gets 400 and an unknown procedure 404, each with an
/// <see cref="ApiError"/>, and changes nothing. All the work is the memory's; these handlers only translate.
/// </summary>
public static class ProceduralMemoryEndpoints
{
    // Reasons quote what the client sent: left readable ('x', not \u0027x\u0027); the answer is JSON, never HTML.
    private static readonly JsonSerializerOptions ErrorJson = new(ProcedureJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Maps the API under <paramref name="endpoints"/> (a route group with a prefix serves it under that prefix). For the
    /// OpenAPI document, the app also calls <c>AddOpenApi</c> and <c>MapOpenApi</c>.
    /// </summary>
    /// <returns>The group of the endpoints, for further conventions (authorization, rate limits...).</returns>
    public static RouteGroupBuilder MapProceduralMemory(this IEndpointRouteBuilder endpoints, ProcedureMemory memory,
        ProceduralMemoryApiOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(memory);
        options ??= new ProceduralMemoryApiOptions();
        ProceduralMemoryApiMetrics metrics = options.Metrics;
        RouteGroupBuilder api = endpoints.MapGroup("");
        api.AddEndpointFilter(CountRequests(metrics));

        api.MapGet("/health", () => Results.Json(new Health("ok", memory.CanRecord), ProcedureJson.Options))
            .WithName("health").WithSummary("Whether the server is up, and whether it can record trajectories.");

        api.MapGet("/metrics", () => Results.Text(metrics.ToPrometheusText(), "text/plain; version=0.0.4; charset=utf-8", Encoding.UTF8))
            .WithName("metrics").WithSummary("Request, recall, trajectory and outcome counters in the Prometheus text format.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");

        api.MapGet("/procedures", (string? filter) =>
                Results.Json(new ProcedureList(memory.List(filter)), ProcedureJson.Options))
            .WithName("list_procedures").WithSummary("Every procedure, or those whose name, purpose or tools contain the filter.")
            .Produces<ProcedureList>();

        api.MapGet("/procedures/{id}", (string id) =>
                Answer(() => Results.Json(memory.Get(ParseId(id)), ProcedureJson.Options)))
            .WithName("get_procedure").WithSummary("One procedure with its uses and successes.")
            .Produces<ProcedureView>().Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound);

        RouteGroupBuilder writes = api.MapGroup("");
        writes.AddEndpointFilter(RequireKey(options.ApiKey));

        writes.MapPost("/procedures/recall", async (HttpRequest request) =>
            {
                var (body, error) = await Read<RecallRequest>(request);
                if (error is not null)
                    return error;
                return Answer(() =>
                {
                    var recalled = memory.Recall(body!.Task ?? "", body.K ?? 3);
                    metrics.CountRecall();
                    return Results.Json(new RecallAnswer(recalled), ProcedureJson.Options);
                });
            })
            .WithName("recall_procedures").WithSummary("The procedures nearest to a task, nearest first.")
            .Accepts<RecallRequest>("application/json", "*/*").Produces<RecallAnswer>().Produces<ApiError>(StatusCodes.Status400BadRequest);

        writes.MapPost("/trajectories", async (HttpRequest request) =>
            {
                var (body, error) = await Read<TrajectoryRequest>(request);
                if (error is not null)
                    return error;
                if (body!.Calls is null)
                    return BadRequest("calls is required: the tool calls, a JSON array");
                if (body.Success is not { } success)
                    return BadRequest("success is required: true or false");
                if (body.Calls.Select((c, i) => c is null ? i : -1).FirstOrDefault(i => i >= 0, -1) is var missing and >= 0)
                    return BadRequest($"calls[{missing}] must be a JSON object");
                var calls = body.Calls.Select(c => new RecordedCall(c!.Name ?? "", c.Arguments ?? default, ResultText(c.Result), c.IsError ?? false)).ToList();
                return Answer(() =>
                {
                    RecordingResult result = memory.Record(body.Task ?? "", calls, success);
                    metrics.CountTrajectory();
                    return Results.Json(result, ProcedureJson.Options);
                });
            })
            .WithName("record_trajectory").WithSummary("Records the tool calls made for a task; a success is a demonstration procedures are learned from.")
            .Accepts<TrajectoryRequest>("application/json", "*/*").Produces<RecordingResult>().Produces<ApiError>(StatusCodes.Status400BadRequest);

        writes.MapPost("/procedures/{id}/outcome", async (string id, HttpRequest request) =>
            {
                var (body, error) = await Read<OutcomeRequest>(request);
                if (error is not null)
                    return error;
                if (body!.Success is not { } success)
                    return BadRequest("success is required: true or false");
                return Answer(() =>
                {
                    ProcedureView view = memory.ReportOutcome(ParseId(id), success);
                    metrics.CountOutcome();
                    return Results.Json(view, ProcedureJson.Options);
                });
            })
            .WithName("report_outcome").WithSummary("Counts one use of a procedure and whether it succeeded.")
            .Accepts<OutcomeRequest>("application/json", "*/*").Produces<ProcedureView>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound);
        return api;
    }

    private static IResult Answer(Func<IResult> act)
    {
        try
        {
            return act();
        }
        catch (ProcedureRequestException e)
        {
            return Results.Json(new ApiError(e.Message), ErrorJson,
                statusCode: e.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest);
        }
    }

    private static int ParseId(string id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ProcedureRequestException($"procedure id must be a whole number, not '{Truncate(id)}'");

    private static IResult BadRequest(string reason) =>
        Results.Json(new ApiError(reason), ErrorJson, statusCode: StatusCodes.Status400BadRequest);

    // The body is read here rather than bound by the framework, whose refusals have no body: a client is told why.
    private static async Task<(T? Value, IResult? Error)> Read<T>(HttpRequest request) where T : class
    {
        try
        {
            T? value = await JsonSerializer.DeserializeAsync<T>(request.Body, ProcedureJson.Options, request.HttpContext.RequestAborted);
            return value is null ? (null, BadRequest("the body must be a JSON object")) : (value, null);
        }
        catch (JsonException e)
        {
            string where = e.Path is { Length: > 1 } path ? $" at {path}" : "";
            return (null, BadRequest($"the body is not the JSON expected{where} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})"));
        }
    }

    private static string? ResultText(JsonElement? result) => result switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { } json => json.GetRawText(),
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "...";

    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> CountRequests(ProceduralMemoryApiMetrics metrics) =>
        (context, next) =>
        {
            HttpContext http = context.HttpContext;
            string endpoint = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";
            // Counted as the answer starts, so a client that has its answer finds it counted.
            http.Response.OnStarting(() =>
            {
                metrics.CountRequest(http.Request.Method, endpoint, http.Response.StatusCode);
                return Task.CompletedTask;
            });
            return next(context);
        };

    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> RequireKey(string? apiKey)
    {
        byte[]? expected = apiKey is null ? null : Encoding.UTF8.GetBytes(apiKey);
        return (context, next) =>
        {
            if (expected is null)
                return next(context);
            string? given = context.HttpContext.Request.Headers[ProceduralMemoryApiOptions.ApiKeyHeader];
            bool ok = given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expected);
            return ok
                ? next(context)
                : ValueTask.FromResult<object?>(Results.Json(new ApiError($"this server needs its API key in the {ProceduralMemoryApiOptions.ApiKeyHeader} header for writes"),
                    ErrorJson, statusCode: StatusCodes.Status401Unauthorized));
        };
    }

    /// <summary>The answer of <c>GET /health</c>.</summary>
    internal sealed record Health(string Status, bool CanRecord);

    /// <summary>The answer of <c>GET /procedures</c>.</summary>
    internal sealed record ProcedureList(IReadOnlyList<ProcedureView> Procedures);

    /// <summary>The answer of <c>POST /procedures/recall</c>.</summary>
    internal sealed record RecallAnswer(IReadOnlyList<RecalledProcedure> Procedures);
}
