"""Apache Spark shell: `hadath spark-code` codes news archives on a cluster (extra `hadath[spark]`).

`hadath.spark.job.run` reads JSON lines and WARC files from any path Spark reads
(local, HDFS, S3 through Spark's connectors), runs the same per-article
function as the local path (`hadath.pipeline.code_article`) in each partition,
and writes Parquet with columns derived from `hadath.records`.
"""
