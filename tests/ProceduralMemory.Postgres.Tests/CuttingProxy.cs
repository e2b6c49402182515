using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ProceduralMemory.Postgres.Tests;

/// <summary>
/// A TCP proxy in front of the test server that can cut a connection at an exact point of the PostgreSQL protocol:
/// just before the client would hear that a command completed. Cutting at <c>COMMIT</c> makes the real ambiguous
/// failure (the server committed, the client never heard); cutting at an earlier command makes a transaction the
/// server rolls back. Clients must connect without TLS or GSS encryption, so the messages can be read.
/// </summary>
internal sealed class CuttingProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _serverHost;
    private readonly int _serverPort;
    private readonly List<Socket> _sockets = [];
    private string? _cutAt;
    private int _cuts;
    private volatile bool _refusing;

    public CuttingProxy(string serverHost, int serverPort)
    {
        (_serverHost, _serverPort) = (serverHost, serverPort);
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections cut so far.</summary>
    public int Cuts => Volatile.Read(ref _cuts);

    /// <summary>While true, every new connection is closed at once, as by a server that is down; those open stay.</summary>
    public bool Refusing
    {
        get => _refusing;
        set => _refusing = value;
    }

    /// <summary>Cuts the next connection whose command completes with a tag starting <paramref name="tag"/> (such as <c>COMMIT</c>), once.</summary>
    public void CutAtNext(string tag) => Volatile.Write(ref _cutAt, tag);

    public void Dispose()
    {
        _listener.Stop();
        lock (_sockets)
            foreach (Socket socket in _sockets)
                socket.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }
            if (_refusing)
            {
                client.Dispose();
                continue;
            }
            var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
            lock (_sockets)
                _sockets.AddRange([client, server]);
            try
            {
                await server.ConnectAsync(_serverHost, _serverPort);
            }
            catch (SocketException)
            {
                client.Dispose();
                continue;
            }
            _ = Task.Run(() => CopyAsync(client, server));
            _ = Task.Run(() => RelayServerMessagesAsync(server, client));
        }
    }

    private static async Task CopyAsync(Socket from, Socket to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer)) > 0)
                await to.SendAsync(buffer.AsMemory(0, read));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        Close(from, to);
    }

    /// <summary>Forwards the server's messages one by one (type byte, length, body), cutting where armed.</summary>
    private async Task RelayServerMessagesAsync(Socket server, Socket client)
    {
        var header = new byte[5];
        try
        {
            while (await ReadExactlyAsync(server, header))
            {
                var body = new byte[BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1)) - 4];
                if (!await ReadExactlyAsync(server, body))
                    break;
                if (header[0] == (byte)'C' && Volatile.Read(ref _cutAt) is { } tag
                    && Encoding.ASCII.GetString(body).StartsWith(tag, StringComparison.Ordinal)
                    && Interlocked.CompareExchange(ref _cutAt, null, tag) == tag)
                {
                    Interlocked.Increment(ref _cuts);
                    break;
                }
                await client.SendAsync(header);
                await client.SendAsync(body);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        Close(server, client);
    }

    private static async Task<bool> ReadExactlyAsync(Socket socket, byte[] buffer)
    {
        for (int at = 0; at < buffer.Length;)
        {
            int read = await socket.ReceiveAsync(buffer.AsMemory(at));
            if (read == 0)
                return false;
            at += read;
        }
        return true;
    }

    private static void Close(Socket a, Socket b)
    {
        a.Dispose();
        b.Dispose();
    }
}
