#!/usr/bin/env bash
# Builds the platform and starts it on 127.0.0.1 without Docker: Kafka, a MongoDB wire-protocol store,
# the four services and the demo agreement. Ctrl-C stops everything. Data and logs: .data/
#   ./run.sh              build (tests skipped), then start
#   ./run.sh --no-build   start what was built last
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

build=true
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    -h|--help)
      sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "run.sh: unknown option '$arg' (use --no-build or --help)" >&2
      exit 2
      ;;
  esac
done

if [[ "$build" == true ]]; then
  echo "Building (./mvnw -q -B -DskipTests install) ..."
  ./mvnw -q -B -DskipTests install
fi

exec java -Xmx128m -cp "local-stack/target/lib/*:local-stack/target/classes" se.medborgarloften.localstack.LocalStack
