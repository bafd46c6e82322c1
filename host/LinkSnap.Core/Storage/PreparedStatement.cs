using System.Data;

namespace LinkSnap.Core.Storage;

/// <summary>
/// One SQL statement prepared once and run many times with new values (positional, in the order the
/// parameter names were given). Batches (an import's thousands of links) pay the parse once; through Dapper
/// every run parses again.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly IDbCommand _command;

    public PreparedStatement(IDbConnection connection, IDbTransaction? transaction, string sql, params string[] parameters)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = name;
            _command.Parameters.Add(parameter);
        }

        _command.Prepare();
    }

    public long Scalar(params object?[] values)
    {
        Bind(values);
        return Convert.ToInt64(_command.ExecuteScalar());
    }

    /// <summary>The first row's value, or null when there is no row.</summary>
    public object? FirstOrNull(params object?[] values)
    {
        Bind(values);
        var value = _command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public IDataReader Reader(params object?[] values)
    {
        Bind(values);
        return _command.ExecuteReader();
    }

    public void Execute(params object?[] values)
    {
        Bind(values);
        _command.ExecuteNonQuery();
    }

    private void Bind(object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            ((IDataParameter)_command.Parameters[i]!).Value = values[i] ?? DBNull.Value;
        }
    }

    public void Dispose() => _command.Dispose();
}
