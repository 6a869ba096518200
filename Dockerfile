# StreamsApp worker. Build: docker build -t streamsapp-worker .
# Run on a cluster: docker run -p 8080:8080 -e STREAMSAPP_Streams__BootstrapServers=broker:9092 \
#   -e STREAMSAPP_SchemaRegistry__Url=http://registry:8081 streamsapp-worker   (more: STREAMSAPP_Kafka__Properties__security.protocol=SASL_SSL, ...)
# The embedded demo, on purpose: docker run -p 8080:8080 -e STREAMSAPP_Kafka__Mode=Embedded streamsapp-worker
# (the image runs in the Production environment, where no cluster configured is an error, exit code 2).
# Stop it with the time its shutdown takes (up to 30 s): docker stop -t 40 (compose: stop_grace_period: 40s).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The restore is its own layer: it changes only when a project file or a package version does.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/StreamsApp.Streams/StreamsApp.Streams.csproj src/StreamsApp.Streams/
COPY src/StreamsApp.Streams.Hosting/StreamsApp.Streams.Hosting.csproj src/StreamsApp.Streams.Hosting/
COPY src/StreamsApp.Streams.Avro/StreamsApp.Streams.Avro.csproj src/StreamsApp.Streams.Avro/
COPY src/StreamsApp.Kafka.Embedded/StreamsApp.Kafka.Embedded.csproj src/StreamsApp.Kafka.Embedded/
COPY src/StreamsApp.Worker/StreamsApp.Worker.csproj src/StreamsApp.Worker/
COPY topologies/StreamsApp.Contracts/StreamsApp.Contracts.csproj topologies/StreamsApp.Contracts/
COPY topologies/StreamsApp.Contracts.Generator/StreamsApp.Contracts.Generator.csproj topologies/StreamsApp.Contracts.Generator/
COPY topologies/StreamsApp.Topologies/StreamsApp.Topologies.csproj topologies/StreamsApp.Topologies/
RUN dotnet restore src/StreamsApp.Worker -r linux-x64
COPY . .
# linux-x64 only: the native libraries of every other platform (RocksDB, librdkafka) stay out of the image.
RUN dotnet publish src/StreamsApp.Worker -c Release -r linux-x64 --self-contained false --no-restore -o /app \
    && mkdir -p /state

# Chiseled: no shell, no package manager, non-root (user app, uid 1654) by default.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled
WORKDIR /app
COPY --from=build /app .
COPY --from=build --chown=1654:1654 /state /var/lib/streamsapp
ENV STREAMSAPP_Http__Url=http://0.0.0.0:8080 \
    STREAMSAPP_Streams__StateDir=/var/lib/streamsapp
USER 1654
VOLUME /var/lib/streamsapp
EXPOSE 8080
# The image has no curl: the worker probes itself.
HEALTHCHECK --interval=10s --timeout=6s --start-period=30s CMD ["dotnet", "StreamsApp.Worker.dll", "--healthcheck"]
ENTRYPOINT ["dotnet", "StreamsApp.Worker.dll"]
