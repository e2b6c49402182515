using System.Text.Json;
using System.Text.Json.Nodes;
using ProceduralMemory.Tools;

namespace ProceduralMemory.Tests.Tools.Procedures;

/// <summary>
/// A tiny lending library behind <see cref="IToolEnvironment"/>, nothing like tau-bench's shop: members, their loans
/// and the books on them. Four look-ups and two state changes; the evaluation replays a task's ground-truth calls on a
/// fresh copy and compares the states. It shows the procedure machinery is not tied to one domain.
/// </summary>
internal sealed class LibraryWorld : IToolEnvironment
{
    public static readonly string[] Periods = ["one week", "two weeks", "four weeks"];

    private JsonObject state = Initial();
    private ToolTask? task;

    public LibraryWorld()
    {
        Tools =
        [
            Tool("find_member_by_name", "Find a member's id by their first and last name.", false,
                """{"type":"object","properties":{"first_name":{"type":"string"},"last_name":{"type":"string"}},"required":["first_name","last_name"]}"""),
            Tool("get_member", "Get a member's details and the ids of their loans.", false,
                """{"type":"object","properties":{"member_id":{"type":"string"}},"required":["member_id"]}"""),
            Tool("get_loan", "Get a loan's details, with the books on it.", false,
                """{"type":"object","properties":{"loan_id":{"type":"string"}},"required":["loan_id"]}"""),
            Tool("get_book", "Get a book's details, with its editions.", false,
                """{"type":"object","properties":{"book_id":{"type":"string"}},"required":["book_id"]}"""),
            Tool("return_books", "Return some of the books of an open loan.", true,
                """{"type":"object","properties":{"loan_id":{"type":"string"},"book_ids":{"type":"array","items":{"type":"string"}}},"required":["loan_id","book_ids"]}"""),
            Tool("renew_loan", "Renew an open loan for a further period.", true,
                """{"type":"object","properties":{"loan_id":{"type":"string"},"period":{"type":"string","enum":["one week","two weeks","four weeks"]}},"required":["loan_id","period"]}"""),
        ];
    }

    public IReadOnlyList<ToolDefinition> Tools { get; }

    /// <summary>Every call made since the last reset, as the world saw them.</summary>
    public List<ToolCall> Invoked { get; } = [];

    /// <summary>The state as JSON text: equal texts, equal states.</summary>
    public string Digest => state.ToJsonString();

    public void Reset(ToolTask task)
    {
        this.task = task;
        state = Initial();
        Invoked.Clear();
    }

    public ToolResult Invoke(ToolCall call)
    {
        Invoked.Add(call);
        return Apply(state, call);
    }

    public ToolEvaluation Evaluate(IReadOnlyList<string> toldUser)
    {
        ToolTask current = task ?? throw new InvalidOperationException("No task.");
        JsonObject truth = Initial();
        foreach (ToolCall call in current.Actions)
            Apply(truth, call);
        return new ToolEvaluation(truth.ToJsonString() == Digest,
            current.Outputs.All(o => toldUser.Any(t => t.Contains(o, StringComparison.OrdinalIgnoreCase))));
    }

    /// <summary>A task whose ground truth is <paramref name="actions"/>.</summary>
    public static ToolTask Task(string id, string instruction, params ToolCall[] actions) => new(id, instruction, actions, []);

    public static ToolCall Return(string loan, params string[] books) =>
        new("return_books", JsonSerializer.SerializeToElement(new { loan_id = loan, book_ids = books }));

    public static ToolCall Renew(string loan, string period) =>
        new("renew_loan", JsonSerializer.SerializeToElement(new { loan_id = loan, period }));

    public static ToolCall Read(string tool, string parameter, string value) =>
        new(tool, JsonSerializer.SerializeToElement(new Dictionary<string, string> { [parameter] = value }));

    private static ToolDefinition Tool(string name, string description, bool changesState, string schema) =>
        new(name, description, JsonDocument.Parse(schema).RootElement.Clone(), changesState);

    private static ToolResult Apply(JsonObject state, ToolCall call)
    {
        JsonObject members = state["members"]!.AsObject(), loans = state["loans"]!.AsObject(), books = state["books"]!.AsObject();
        string? Text(string name) =>
            call.Arguments.ValueKind == JsonValueKind.Object && call.Arguments.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String
                ? v.GetString() : null;
        switch (call.Name)
        {
            case "find_member_by_name":
            {
                string? first = Text("first_name"), last = Text("last_name");
                foreach (var (id, member) in members)
                    if (member!["name"]!["first_name"]!.GetValue<string>() == first && member["name"]!["last_name"]!.GetValue<string>() == last)
                        return ToolResult.Ok(id);
                return ToolResult.Error("member not found");
            }
            case "get_member":
                return Text("member_id") is { } memberId && members[memberId] is { } found
                    ? ToolResult.Ok(found.ToJsonString()) : ToolResult.Error("member not found");
            case "get_loan":
                return Text("loan_id") is { } loanId && loans[loanId] is { } readLoan
                    ? ToolResult.Ok(readLoan.ToJsonString()) : ToolResult.Error("loan not found");
            case "get_book":
                return Text("book_id") is { } bookId && books[bookId] is { } book
                    ? ToolResult.Ok(book.ToJsonString()) : ToolResult.Error("book not found");
            case "return_books":
            {
                if (Text("loan_id") is not { } id || loans[id] is not JsonObject loan)
                    return ToolResult.Error("loan not found");
                if (loan["status"]!.GetValue<string>() != "open")
                    return ToolResult.Error("loan is closed");
                if (!call.Arguments.TryGetProperty("book_ids", out JsonElement ids) || ids.ValueKind != JsonValueKind.Array || ids.GetArrayLength() == 0)
                    return ToolResult.Error("book_ids must be a non-empty list");
                JsonArray onLoan = loan["books"]!.AsArray();
                var wanted = ids.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString()! : "").ToList();
                if (wanted.Any(w => !onLoan.Any(b => b!["book_id"]!.GetValue<string>() == w)) || wanted.Distinct().Count() != wanted.Count)
                    return ToolResult.Error("a book is not on this loan");
                foreach (string w in wanted)
                {
                    JsonNode entry = onLoan.First(b => b!["book_id"]!.GetValue<string>() == w)!;
                    onLoan.Remove(entry);
                    loan["returned"]!.AsArray().Add(w);
                }
                if (onLoan.Count == 0)
                    loan["status"] = "closed";
                return ToolResult.Ok(loan.ToJsonString());
            }
            case "renew_loan":
            {
                if (Text("loan_id") is not { } id || loans[id] is not JsonObject loan)
                    return ToolResult.Error("loan not found");
                if (loan["status"]!.GetValue<string>() != "open")
                    return ToolResult.Error("loan is closed");
                int weeks = Array.IndexOf(Periods, Text("period")) switch { 0 => 1, 1 => 2, 2 => 4, _ => 0 };
                if (weeks == 0)
                    return ToolResult.Error("period must be one of " + string.Join(", ", Periods));
                loan["due_in_weeks"] = loan["due_in_weeks"]!.GetValue<int>() + weeks;
                return ToolResult.Ok(loan.ToJsonString());
            }
            default:
                return ToolResult.Error("unknown tool " + call.Name);
        }
    }

    private static JsonObject Initial()
    {
        var books = new JsonObject();
        void Book(string id, string title, string author)
        {
            var editions = new JsonObject
            {
                [id + "h"] = new JsonObject { ["edition_id"] = id + "h", ["format"] = "hardcover", ["available"] = false },
                [id + "p"] = new JsonObject { ["edition_id"] = id + "p", ["format"] = "paperback", ["available"] = true },
            };
            books[id] = new JsonObject { ["book_id"] = id, ["title"] = title, ["author"] = author, ["editions"] = editions };
        }
        Book("bk_2001", "Dune", "Frank Herbert");
        Book("bk_2002", "Emma", "Jane Austen");
        Book("bk_2003", "Middlemarch", "George Eliot");
        Book("bk_2004", "Neuromancer", "William Gibson");
        Book("bk_2005", "Beloved", "Toni Morrison");
        Book("bk_2006", "Persuasion", "Jane Austen");
        Book("bk_2007", "Solaris", "Stanislaw Lem");
        Book("bk_2008", "Ulysses", "James Joyce");
        Book("bk_2009", "Frankenstein", "Mary Shelley");
        Book("bk_2010", "Dracula", "Bram Stoker");
        Book("bk_2011", "The Hobbit", "J. R. R. Tolkien");
        var loans = new JsonObject();
        void Loan(string id, string member, bool open, params string[] bookIds) =>
            loans[id] = new JsonObject
            {
                ["loan_id"] = id,
                ["member_id"] = member,
                ["status"] = open ? "open" : "closed",
                ["due_in_weeks"] = 1,
                ["books"] = new JsonArray(bookIds.Select(b => (JsonNode)new JsonObject
                {
                    ["title"] = books[b]!["title"]!.GetValue<string>(),
                    ["book_id"] = b,
                    ["edition_id"] = b + "p",
                }).ToArray()),
                ["returned"] = new JsonArray(),
            };
        Loan("L-20417", "mem_1001", true, "bk_2001", "bk_2002", "bk_2003");
        Loan("L-20533", "mem_1001", true, "bk_2004", "bk_2005");
        Loan("L-30021", "mem_1002", true, "bk_2006", "bk_2007", "bk_2008");
        Loan("L-40099", "mem_1003", false);
        Loan("L-40112", "mem_1003", true, "bk_2009", "bk_2010", "bk_2001");
        Loan("L-50290", "mem_1004", true, "bk_2011", "bk_2002", "bk_2005");
        var members = new JsonObject();
        void Member(string id, string first, string last, params string[] loanIds) =>
            members[id] = new JsonObject
            {
                ["member_id"] = id,
                ["name"] = new JsonObject { ["first_name"] = first, ["last_name"] = last },
                ["loans"] = new JsonArray(loanIds.Select(l => (JsonNode)JsonValue.Create(l)).ToArray()),
            };
        Member("mem_1001", "Ada", "Lovelace", "L-20417", "L-20533");
        Member("mem_1002", "Grace", "Hopper", "L-30021");
        Member("mem_1003", "Alan", "Turing", "L-40099", "L-40112");
        Member("mem_1004", "Mary", "Shelley", "L-50290");
        return new JsonObject { ["members"] = members, ["loans"] = loans, ["books"] = books };
    }
}
