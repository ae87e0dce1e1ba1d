// The resources that launch EC2 instances, and how findings name each of them.
export const LAUNCHER_KIND: Readonly<Record<string, string>> = {
  aws_instance: 'EC2 instance',
  aws_launch_template: 'Launch template',
  aws_launch_configuration: 'Launch configuration',
};
