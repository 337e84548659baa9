# One image per service, built from the repository:
#   docker build --build-arg SERVICE=command-service -t stamina/command-service .
# SERVICE is command-service, query-service or analytics. docker-compose.yml builds all three.
FROM eclipse-temurin:21-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests -pl ${SERVICE} -am package \
    && cp ${SERVICE}/target/stamina-${SERVICE}-*-exec.jar /app.jar

FROM eclipse-temurin:21-jre
# curl for the health check: newer Temurin images no longer carry it.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 stamina && mkdir -p /app/data && chown stamina /app/data
COPY --from=build /app.jar /app/app.jar
USER stamina
WORKDIR /app
ENV STAMINA_DATA_DIR=/app/data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=6 \
    CMD curl -fs http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
