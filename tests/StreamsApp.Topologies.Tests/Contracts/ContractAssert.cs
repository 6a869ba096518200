using System.Collections;
using Avro;
using Avro.Specific;

namespace StreamsApp.Topologies.Tests.Contracts;

/// <summary>Compares contract instances property by property, into nested records and lists.</summary>
internal static class ContractAssert
{
    public static void Equivalent(object? expected, object? actual, string path = "")
    {
        switch (expected)
        {
            case null:
                Assert.Null(actual);
                break;
            case ISpecificRecord record:
                Assert.NotNull(actual);
                Assert.Equal(record.GetType(), actual.GetType());
                foreach (var property in record.GetType().GetProperties().Where(p => p.PropertyType != typeof(Schema)))
                {
                    Equivalent(property.GetValue(record), property.GetValue(actual), path + "." + property.Name);
                }

                break;
            case IList list when expected is not string:
                var actualList = Assert.IsAssignableFrom<IList>(actual);
                Assert.True(list.Count == actualList.Count, $"{path}: {list.Count} items expected, {actualList.Count} read");
                for (var i = 0; i < list.Count; i++)
                {
                    Equivalent(list[i], actualList[i], $"{path}[{i}]");
                }

                break;
            default:
                Assert.True(Equals(expected, actual), $"{path}: expected {expected}, read {actual}");
                break;
        }
    }
}
