// Ports of databases and other data stores: rules of every format judge exposure of these alike.

/** Database and data-store ports that should never face the internet directly. */
export const DATA_STORE_PORTS: ReadonlyMap<number, string> = new Map([
  [1433, 'SQL Server'],
  [1521, 'Oracle'],
  [2379, 'etcd'],
  [3306, 'MySQL'],
  [5432, 'PostgreSQL'],
  [5601, 'Kibana'],
  [5984, 'CouchDB'],
  [6379, 'Redis'],
  [7474, 'Neo4j'],
  [8086, 'InfluxDB'],
  [9042, 'Cassandra'],
  [9200, 'Elasticsearch'],
  [9300, 'Elasticsearch transport'],
  [11211, 'Memcached'],
  [27017, 'MongoDB'],
]);
