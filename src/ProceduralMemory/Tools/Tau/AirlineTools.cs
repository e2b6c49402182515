using System.Globalization;
using System.Text.Json.Nodes;

namespace ProceduralMemory.Tools.Tau;

/// <summary>The airline domain's tools, each behaving as the reference's: same checks in the same order, same messages, same changes.</summary>
internal static class AirlineTools
{
    private static readonly (string Code, string City)[] Airports =
    [
        ("SFO", "San Francisco"), ("JFK", "New York"), ("LAX", "Los Angeles"), ("ORD", "Chicago"), ("DFW", "Dallas"),
        ("DEN", "Denver"), ("SEA", "Seattle"), ("ATL", "Atlanta"), ("MIA", "Miami"), ("BOS", "Boston"),
        ("PHX", "Phoenix"), ("IAH", "Houston"), ("LAS", "Las Vegas"), ("MCO", "Orlando"), ("EWR", "Newark"),
        ("CLT", "Charlotte"), ("MSP", "Minneapolis"), ("DTW", "Detroit"), ("PHL", "Philadelphia"), ("LGA", "LaGuardia"),
    ];

    /// <summary>Every tool by name.</summary>
    public static IReadOnlyDictionary<string, Func<TauDatabase, TauArguments, string>> All { get; } =
        new Dictionary<string, Func<TauDatabase, TauArguments, string>>
        {
            ["book_reservation"] = BookReservation,
            ["calculate"] = (_, a) => PythonCalculator.Evaluate(a.Text("expression") ?? ""),
            ["cancel_reservation"] = CancelReservation,
            ["get_reservation_details"] = (db, a) =>
                db["reservations"].Get(a.Text("reservation_id")) is JsonObject r ? PythonJson.Dumps(r) : "Error: user not found",
            ["get_user_details"] = (db, a) =>
                db["users"].Get(a.Text("user_id")) is JsonObject u ? PythonJson.Dumps(u) : "Error: user not found",
            ["list_all_airports"] = (_, _) => PythonJson.Dumps(TauJson.Object([.. Airports.Select(p => (p.Code, (JsonNode?)p.City))])),
            ["search_direct_flight"] = SearchDirectFlight,
            ["search_onestop_flight"] = SearchOnestopFlight,
            ["send_certificate"] = SendCertificate,
            ["think"] = (_, _) => "",
            ["transfer_to_human_agents"] = (_, _) => "Transfer successful",
            ["update_reservation_baggages"] = UpdateReservationBaggages,
            ["update_reservation_flights"] = UpdateReservationFlights,
            ["update_reservation_passengers"] = UpdateReservationPassengers,
        };

    /// <summary>A flight without its dates, with one date's entries laid over it (the reference's search result).</summary>
    private static JsonObject FlightOn(JsonObject flight, JsonObject? day)
    {
        var result = new JsonObject();
        foreach (var (key, value) in flight)
            if (key != "dates")
                result[key] = value?.DeepClone();
        if (day is not null)
            foreach (var (key, value) in day)
                result[key] = value?.DeepClone();
        return result;
    }

    private static string SearchDirectFlight(TauDatabase db, TauArguments a)
    {
        string? origin = a.Text("origin"), destination = a.Text("destination"), date = a.Text("date");
        var results = new JsonArray();
        TauTable flights = db["flights"];
        foreach (string id in flights.Ids)
        {
            JsonObject flight = flights.Get(id)!;
            if (flight.Str("origin") == origin && flight.Str("destination") == destination
                && date is not null && flight.Obj("dates")[date] is JsonObject day && day.Str("status") == "available")
                results.Add(FlightOn(flight, day));
        }
        return PythonJson.Dumps(results);
    }

    private static string SearchOnestopFlight(TauDatabase db, TauArguments a)
    {
        string? origin = a.Text("origin"), destination = a.Text("destination");
        string date = a.Text("date") ?? throw new TauToolException("'date' must be a string");
        var results = new JsonArray();
        TauTable flights = db["flights"];
        foreach (string id1 in flights.Ids)
        {
            JsonObject first = flights.Get(id1)!;
            if (first.Str("origin") != origin)
                continue;
            foreach (string id2 in flights.Ids)
            {
                JsonObject second = flights.Get(id2)!;
                if (second.Str("destination") != destination || first.Str("destination") != second.Str("origin"))
                    continue;
                string arrival = first.Str("scheduled_arrival_time_est") ?? "";
                string date2 = arrival.Contains("+1", StringComparison.Ordinal) ? $"2024-05-{DayOf(date) + 1}" : date;
                if (string.CompareOrdinal(arrival, second.Str("scheduled_departure_time_est") ?? "") > 0)
                    continue;
                JsonObject dates1 = first.Obj("dates"), dates2 = second.Obj("dates");
                if (dates1[date] is not JsonObject day1 || dates2[date2] is not JsonObject day2)
                    continue;
                if (day1.Str("status") != "available" || day2.Str("status") != "available")
                    continue;
                JsonObject result1 = FlightOn(first, day1);
                result1["date"] = date;
                // The reference lays the first leg's date over the second leg, not date2; a missing one is its KeyError.
                JsonObject result2 = FlightOn(second, dates2[date] as JsonObject ?? throw new TauToolException($"'{date}'"));
                result2["date"] = date2;
                results.Add(new JsonArray(result1, result2));
            }
        }
        return PythonJson.Dumps(results);
    }

    private static int DayOf(string date)
    {
        string tail = date.Length >= 2 ? date[^2..] : date;
        return int.TryParse(tail.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int day)
            ? day
            : throw new TauToolException($"invalid literal for int() with base 10: '{tail}'");
    }

    private static string SendCertificate(TauDatabase db, TauArguments a)
    {
        string? userId = a.Text("user_id");
        if (!db["users"].Contains(userId))
            return "Error: user not found";
        PythonNumber amount = a.Number("amount");
        JsonObject methods = db["users"].Get(userId).Obj("payment_methods");
        foreach (int id in (int[])[3221322, 3221323, 3221324])
        {
            string paymentId = $"certificate_{id}";
            if (methods.ContainsKey(paymentId))
                continue;
            db["users"].Edit(userId!).Obj("payment_methods")[paymentId] =
                TauJson.Object(("source", "certificate"), ("amount", amount.ToNode()), ("id", paymentId));
            return $"Certificate {paymentId} added to user {userId} with amount {amount}.";
        }
        // The reference falls off its loop and returns None, which the environment shows as "None".
        return "None";
    }

    private static string CancelReservation(TauDatabase db, TauArguments a)
    {
        string? id = a.Text("reservation_id");
        if (!db["reservations"].Contains(id))
            return "Error: reservation not found";
        JsonObject reservation = db["reservations"].Edit(id!);
        JsonArray history = reservation.Arr("payment_history");
        var refunds = history.Select(p => TauJson.Object(("payment_id", p.At("payment_id")?.DeepClone()), ("amount", (-p.Num("amount")).ToNode()))).ToList();
        foreach (JsonObject refund in refunds)
            history.Add(refund);
        reservation["status"] = "cancelled";
        return PythonJson.Dumps(reservation);
    }

    private static string UpdateReservationPassengers(TauDatabase db, TauArguments a)
    {
        string? id = a.Text("reservation_id");
        if (db["reservations"].Get(id) is not JsonObject reservation)
            return "Error: reservation not found";
        List<JsonObject> passengers = a.Objects("passengers");
        if (passengers.Count != reservation.Arr("passengers").Count)
            return "Error: number of passengers does not match";
        reservation = db["reservations"].Edit(id!);
        reservation["passengers"] = new JsonArray([.. passengers]);
        return PythonJson.Dumps(reservation);
    }

    /// <summary>The payment method a reservation change is charged to, or the reference's error for it.</summary>
    private static (JsonObject? Method, string? Error) ChangePayment(TauDatabase db, JsonObject reservation, string? paymentId, PythonNumber price)
    {
        JsonObject methods = db["users"].Get(reservation.Str("user_id")).Obj("payment_methods");
        if (paymentId is null || methods[paymentId] is not JsonObject method)
            return (null, "Error: payment method not found");
        if (method.Str("source") == "certificate")
            return (null, "Error: certificate cannot be used to update reservation");
        if (method.Str("source") == "gift_card" && method.Num("amount").Value < price.Value)
            return (null, "Error: gift card balance is not enough");
        return (method, null);
    }

    private static void Charge(TauDatabase db, JsonObject reservation, JsonObject method, string paymentId, PythonNumber price)
    {
        if (method.Str("source") != "gift_card")
            return;
        JsonObject own = db["users"].Edit(reservation.Str("user_id")!).Obj("payment_methods").Obj(paymentId);
        own["amount"] = (own.Num("amount") - price).ToNode();
    }

    private static string UpdateReservationBaggages(TauDatabase db, TauArguments a)
    {
        string? id = a.Text("reservation_id");
        if (db["reservations"].Get(id) is not JsonObject reservation)
            return "Error: reservation not found";
        PythonNumber total = a.Number("total_baggages"), nonfree = a.Number("nonfree_baggages");
        PythonNumber extra = nonfree - reservation.Num("nonfree_baggages");
        PythonNumber price = PythonNumber.FromInt(50) * (extra.Value > 0 ? extra : PythonNumber.FromInt(0));
        string? paymentId = a.Text("payment_id");
        var (method, error) = ChangePayment(db, reservation, paymentId, price);
        if (error is not null)
            return error;
        reservation = db["reservations"].Edit(id!);
        reservation["total_baggages"] = total.ToNode();
        reservation["nonfree_baggages"] = nonfree.ToNode();
        Charge(db, reservation, method!, paymentId!, price);
        if (price.Value != 0)
            reservation.Arr("payment_history").Add(TauJson.Object(("payment_id", paymentId), ("amount", price.ToNode())));
        return PythonJson.Dumps(reservation);
    }

    /// <summary>The reference's checks of one flight to book; null when bookable.</summary>
    private static string? FlightError(TauDatabase db, JsonObject flight, string? cabin, int seats, out JsonObject? flightData, out JsonObject? day)
    {
        day = null;
        string number = TauJson.PyStr(flight.At("flight_number"));
        flightData = db["flights"].Get(flight.Str("flight_number"));
        if (flightData is null)
            return $"Error: flight {number} not found";
        string date = TauJson.PyStr(flight.At("date"));
        if (flight.Str("date") is not string key || flightData.Obj("dates")[key] is not JsonObject found)
            return $"Error: flight {number} not found on date {date}";
        day = found;
        if (day.Str("status") != "available")
            return $"Error: flight {number} not available on date {date}";
        if (day.Obj("available_seats").Num(cabin ?? "").Value < seats)
            return $"Error: not enough seats on flight {number}";
        return null;
    }

    private static string UpdateReservationFlights(TauDatabase db, TauArguments a)
    {
        string? id = a.Text("reservation_id");
        if (db["reservations"].Get(id) is not JsonObject reservation)
            return "Error: reservation not found";
        string? cabin = a.Text("cabin");
        List<JsonObject> flights = a.Objects("flights");
        JsonArray current = reservation.Arr("flights");
        int passengers = reservation.Arr("passengers").Count;
        PythonNumber count = PythonNumber.FromInt(passengers);
        PythonNumber total = PythonNumber.FromInt(0);
        foreach (JsonObject flight in flights)
        {
            JsonNode? kept = cabin == reservation.Str("cabin")
                ? current.FirstOrDefault(f => JsonNode.DeepEquals(f.At("flight_number"), flight.At("flight_number")) && JsonNode.DeepEquals(f.At("date"), flight.At("date")))
                : null;
            if (kept is not null)
            {
                total += kept.Num("price") * count;
                flight["price"] = kept.At("price")?.DeepClone();
                flight["origin"] = kept.At("origin")?.DeepClone();
                flight["destination"] = kept.At("destination")?.DeepClone();
                continue;
            }
            if (FlightError(db, flight, cabin, passengers, out JsonObject? data, out JsonObject? day) is string error)
                return error;
            flight["price"] = day!.Obj("prices").At(cabin!)?.DeepClone();
            flight["origin"] = data!.At("origin")?.DeepClone();
            flight["destination"] = data.At("destination")?.DeepClone();
            total += flight.Num("price") * count;
        }
        PythonNumber old = PythonNumber.FromInt(0);
        foreach (JsonNode? f in current)
            old += f.Num("price");
        total -= old * count;

        string? paymentId = a.Text("payment_id");
        var (method, paymentError) = ChangePayment(db, reservation, paymentId, total);
        if (paymentError is not null)
            return paymentError;
        reservation = db["reservations"].Edit(id!);
        Charge(db, reservation, method!, paymentId!, total);
        reservation["flights"] = new JsonArray([.. flights]);
        if (total.Value != 0)
            reservation.Arr("payment_history").Add(TauJson.Object(("payment_id", paymentId), ("amount", total.ToNode())));
        return PythonJson.Dumps(reservation);
    }

    private static string BookReservation(TauDatabase db, TauArguments a)
    {
        string? userId = a.Text("user_id");
        if (db["users"].Get(userId) is not JsonObject user)
            return "Error: user not found";
        TauTable reservations = db["reservations"];
        string reservationId = "HATHAT";
        if (reservations.Contains(reservationId))
        {
            reservationId = "HATHAU";
            if (reservations.Contains(reservationId))
                reservationId = "HATHAV";
        }
        string? cabin = a.Text("cabin");
        List<JsonObject> flights = a.Objects("flights");
        List<JsonObject> passengers = a.Objects("passengers");
        List<JsonObject> payments = a.Objects("payment_methods");
        PythonNumber count = PythonNumber.FromInt(passengers.Count);
        PythonNumber total = PythonNumber.FromInt(0);
        foreach (JsonObject flight in flights)
        {
            if (FlightError(db, flight, cabin, passengers.Count, out JsonObject? data, out JsonObject? day) is string error)
                return error;
            flight["price"] = day!.Obj("prices").At(cabin!)?.DeepClone();
            flight["origin"] = data!.At("origin")?.DeepClone();
            flight["destination"] = data.At("destination")?.DeepClone();
            total += flight.Num("price") * count;
        }
        if (a.Text("insurance") == "yes")
            total += PythonNumber.FromInt(30) * count;
        total += PythonNumber.FromInt(50) * a.Number("nonfree_baggages");

        JsonObject methods = user.Obj("payment_methods");
        foreach (JsonObject payment in payments)
        {
            string? paymentId = payment.Str("payment_id");
            PythonNumber amount = payment.Num("amount");
            if (paymentId is null || methods[paymentId] is not JsonObject method)
                return $"Error: payment method {TauJson.PyStr(payment.At("payment_id"))} not found";
            if (method.Str("source") is "gift_card" or "certificate" && method.Num("amount").Value < amount.Value)
                return $"Error: not enough balance in payment method {paymentId}";
        }
        PythonNumber paid = PythonNumber.FromInt(0);
        foreach (JsonObject payment in payments)
            paid += payment.Num("amount");
        if (paid.Value != total.Value)
            return $"Error: payment amount does not add up, total price is {total}, but paid {paid}";

        var reservation = TauJson.Object(
            ("reservation_id", reservationId),
            ("user_id", userId),
            ("origin", a.Values["origin"]?.DeepClone()),
            ("destination", a.Values["destination"]?.DeepClone()),
            ("flight_type", a.Values["flight_type"]?.DeepClone()),
            ("cabin", a.Values["cabin"]?.DeepClone()),
            ("flights", new JsonArray([.. flights])),
            ("passengers", new JsonArray([.. passengers])),
            ("payment_history", new JsonArray([.. payments.Select(p => p.DeepClone())])),
            ("created_at", "2024-05-15T15:00:00"),
            ("total_baggages", a.Values["total_baggages"]?.DeepClone()),
            ("nonfree_baggages", a.Values["nonfree_baggages"]?.DeepClone()),
            ("insurance", a.Values["insurance"]?.DeepClone()));

        user = db["users"].Edit(userId!);
        methods = user.Obj("payment_methods");
        foreach (JsonObject payment in payments)
        {
            string paymentId = payment.Str("payment_id")!;
            JsonObject method = methods.Obj(paymentId);
            if (method.Str("source") == "gift_card")
                method["amount"] = (method.Num("amount") - payment.Num("amount")).ToNode();
            else if (method.Str("source") == "certificate")
                methods.Remove(paymentId);
        }
        reservations.Put(reservationId, reservation);
        user.Arr("reservations").Add(reservationId);
        return PythonJson.Dumps(reservation);
    }
}
