// Which Terraform resources are components of the system, what kind of element each is, and the AWS service
// (as a provider `endpoints` block names it) that runs it.

import type { ElementKind } from '../schema/architecture.js';
import { asString, isUnknown, value, type TfResource } from '../../evaluate/terraform/view.js';

export interface ComponentType {
  kind: ElementKind;
  technology: string;
  /** The provider's endpoint name for the service (`sqs`, `dynamodb`): where an `endpoints` block sends it. */
  service: string;
  /** An attribute whose value adds to the technology (`engine`, `runtime`). */
  detail?: string;
}

const T = (kind: ElementKind, technology: string, service: string, detail?: string): ComponentType => ({ kind, technology, service, ...(detail ? { detail } : {}) });

export const COMPONENT_TYPES: Readonly<Record<string, ComponentType>> = {
  aws_sqs_queue: T('queue', 'AWS SQS', 'sqs'),
  aws_sns_topic: T('queue', 'AWS SNS', 'sns'),
  aws_kinesis_stream: T('queue', 'AWS Kinesis', 'kinesis'),
  aws_msk_cluster: T('queue', 'AWS MSK (Kafka)', 'kafka'),
  aws_msk_serverless_cluster: T('queue', 'AWS MSK Serverless (Kafka)', 'kafka'),
  aws_mq_broker: T('queue', 'AWS MQ', 'mq', 'engine_type'),
  aws_db_instance: T('datastore', 'AWS RDS', 'rds', 'engine'),
  aws_rds_cluster: T('datastore', 'AWS Aurora', 'rds', 'engine'),
  aws_dynamodb_table: T('datastore', 'AWS DynamoDB', 'dynamodb'),
  aws_docdb_cluster: T('datastore', 'AWS DocumentDB', 'docdb'),
  aws_neptune_cluster: T('datastore', 'AWS Neptune', 'neptune'),
  aws_redshift_cluster: T('datastore', 'AWS Redshift', 'redshift'),
  aws_opensearch_domain: T('datastore', 'AWS OpenSearch', 'opensearch'),
  aws_elasticache_cluster: T('cache', 'AWS ElastiCache', 'elasticache', 'engine'),
  aws_elasticache_replication_group: T('cache', 'AWS ElastiCache', 'elasticache', 'engine'),
  aws_elasticache_serverless_cache: T('cache', 'AWS ElastiCache Serverless', 'elasticache', 'engine'),
  aws_s3_bucket: T('bucket', 'AWS S3', 's3'),
  aws_lambda_function: T('function', 'AWS Lambda', 'lambda', 'runtime'),
  aws_api_gateway_rest_api: T('gateway', 'AWS API Gateway (REST)', 'apigateway'),
  aws_apigatewayv2_api: T('gateway', 'AWS API Gateway', 'apigatewayv2', 'protocol_type'),
  aws_lb: T('gateway', 'AWS Elastic Load Balancing', 'elbv2', 'load_balancer_type'),
  aws_alb: T('gateway', 'AWS Application Load Balancer', 'elbv2'),
  aws_cloudfront_distribution: T('gateway', 'AWS CloudFront', 'cloudfront'),
  aws_ecs_service: T('process', 'AWS ECS service', 'ecs', 'launch_type'),
  aws_instance: T('process', 'AWS EC2 instance', 'ec2', 'instance_type'),
  aws_eks_cluster: T('process', 'AWS EKS cluster', 'eks'),
  aws_cognito_user_pool: T('identity-provider', 'AWS Cognito user pool', 'cognitoidp'),
  aws_secretsmanager_secret: T('secret-store', 'AWS Secrets Manager', 'secretsmanager'),
  aws_kms_key: T('secret-store', 'AWS KMS', 'kms'),
};

/** Provider families the model does not read yet: their resources are counted, not modelled. */
export const UNREAD_PROVIDERS: readonly string[] = ['azurerm', 'google', 'oci', 'alicloud', 'ibm'];

export function componentType(resource: TfResource): ComponentType | undefined {
  return resource.mode === 'managed' ? COMPONENT_TYPES[resource.type] : undefined;
}

/** `AWS RDS (postgres)`, `AWS Lambda (nodejs20.x)`. */
export function technologyOf(resource: TfResource, type: ComponentType): string {
  const detail = type.detail ? literal(resource, type.detail) : undefined;
  return detail ? `${type.technology} (${detail})` : type.technology;
}

/** The name the resource gives itself (`name`, `bucket`, `function_name`, ...) when it is a literal, else its address. */
export function componentName(resource: TfResource): string {
  for (const attribute of ['name', 'function_name', 'bucket', 'cluster_identifier', 'identifier', 'replication_group_id', 'cluster_id', 'cluster_name', 'domain_name', 'broker_name']) {
    const found = literal(resource, attribute);
    if (found) return found;
  }
  if (resource.type === 'aws_instance' || resource.type === 'aws_kms_key') {
    const tags = value(resource.body, 'tags');
    if (tags && typeof tags === 'object' && !Array.isArray(tags) && !isUnknown(tags)) {
      const name = (tags as Record<string, unknown>)['Name'];
      if (typeof name === 'string' && name) return name;
    }
  }
  return resource.address;
}

export function literal(resource: TfResource, attribute: string): string | undefined {
  const v = value(resource.body, attribute);
  if (v === undefined || isUnknown(v)) return undefined;
  const s = asString(v);
  return s ? s : undefined;
}
