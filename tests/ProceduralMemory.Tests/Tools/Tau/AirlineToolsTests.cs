using System.Text.Json.Nodes;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Tau;

namespace ProceduralMemory.Tests.Tools.Tau;

public sealed class AirlineToolsTests
{
    private readonly TauDatabase database = TauDomains.Airline.Database.Fork();

    private ToolResult Call(string name, string arguments) => TauDomains.Airline.Invoke(database, ToolCall.Parse(name, arguments));

    [Fact]
    public void SendCertificate_AddsTheFirstFreeCertificate()
    {
        string user = TauDomains.Airline.Database["users"].Ids[0];

        ToolResult first = Call("send_certificate", $$"""{"user_id":"{{user}}","amount":50}""");
        ToolResult second = Call("send_certificate", $$"""{"user_id":"{{user}}","amount":75.5}""");

        Assert.Equal($"Certificate certificate_3221322 added to user {user} with amount 50.", first.Output);
        Assert.Equal($"Certificate certificate_3221323 added to user {user} with amount 75.5.", second.Output);
        JsonObject methods = database["users"].Get(user)!["payment_methods"]!.AsObject();
        Assert.Equal("certificate", (string?)methods["certificate_3221323"]!["source"]);
    }

    [Fact]
    public void CancelReservation_AppendsNegatedRefunds()
    {
        string id = TauDomains.Airline.Database["reservations"].Ids[0];
        int payments = database["reservations"].Get(id)!["payment_history"]!.AsArray().Count;

        ToolResult result = Call("cancel_reservation", $$"""{"reservation_id":"{{id}}"}""");

        Assert.False(result.IsError, result.Output);
        JsonArray history = database["reservations"].Get(id)!["payment_history"]!.AsArray();
        Assert.Equal(2 * payments, history.Count);
        Assert.Equal(-PythonNumber.From(history[0]!["amount"])!.Value.Value, PythonNumber.From(history[payments]!["amount"])!.Value.Value);
        Assert.Equal("cancelled", (string?)database["reservations"].Get(id)!["status"]);
    }

    [Fact]
    public void GetReservationDetails_ForAnUnknownReservation_SaysUserNotFoundAsTheReferenceDoes() =>
        Assert.Equal("Error: user not found", Call("get_reservation_details", """{"reservation_id":"ZZZZZZ"}""").Output);

    [Fact]
    public void UpdateReservationPassengers_RejectsADifferentNumberOfPassengers()
    {
        string id = TauDomains.Airline.Database["reservations"].Ids[0];

        ToolResult result = Call("update_reservation_passengers", $$"""{"reservation_id":"{{id}}","passengers":[]}""");

        Assert.Equal("Error: number of passengers does not match", result.Output);
        Assert.Empty(database.Changed());
    }
}
