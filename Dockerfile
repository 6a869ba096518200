# StreamsApp worker. Build: docker build -t streamsapp-worker .
# Run on a cluster: docker run -p 8080:8080 -e STREAMSAPP_Streams__BootstrapServers=broker:9092 \
#   -e STREAMSAPP_SchemaRegistry__Url=http://registry:8081 streamsapp-worker   (more: STREAMSAPP_Kafka__Properties__security.protocol=SASL_SSL, ...)
# The embedded demo, on purpose: docker run -p 8080:8080 -e STREAMSAPP_Kafka__Mode=Embedded streamsapp-worker
# (the image runs in the Production environment, where no cluster configured is an error, exit code 2).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/StreamsApp.Worker -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV STREAMSAPP_Http__Url=http://0.0.0.0:8080 \
    STREAMSAPP_Streams__StateDir=/var/lib/streamsapp
RUN mkdir -p /var/lib/streamsapp && chown app:app /var/lib/streamsapp
USER app
VOLUME /var/lib/streamsapp
EXPOSE 8080
# The aspnet image has no curl: the worker probes itself.
HEALTHCHECK --interval=10s --timeout=6s --start-period=30s CMD ["dotnet", "StreamsApp.Worker.dll", "--healthcheck"]
ENTRYPOINT ["dotnet", "StreamsApp.Worker.dll"]
